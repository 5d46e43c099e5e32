#include "textflag.h"

// Coefficients of Tanh64 (activation.go), four copies each for 256-bit
// loads: clamp bounds ±9, then P's and Q's.
DATA tanhc<>+0(SB)/8, $0x4022000000000000 // hi = 9.0
DATA tanhc<>+8(SB)/8, $0x4022000000000000 // hi = 9.0
DATA tanhc<>+16(SB)/8, $0x4022000000000000 // hi = 9.0
DATA tanhc<>+24(SB)/8, $0x4022000000000000 // hi = 9.0
DATA tanhc<>+32(SB)/8, $0xc022000000000000 // lo = -9.0
DATA tanhc<>+40(SB)/8, $0xc022000000000000 // lo = -9.0
DATA tanhc<>+48(SB)/8, $0xc022000000000000 // lo = -9.0
DATA tanhc<>+56(SB)/8, $0xc022000000000000 // lo = -9.0
DATA tanhc<>+64(SB)/8, $0x3f740b3b7f1566d8 // p0 = 0.00489352455891786
DATA tanhc<>+72(SB)/8, $0x3f740b3b7f1566d8 // p0 = 0.00489352455891786
DATA tanhc<>+80(SB)/8, $0x3f740b3b7f1566d8 // p0 = 0.00489352455891786
DATA tanhc<>+88(SB)/8, $0x3f740b3b7f1566d8 // p0 = 0.00489352455891786
DATA tanhc<>+96(SB)/8, $0x3f44e1bd925e6689 // p1 = 0.000637261928875436
DATA tanhc<>+104(SB)/8, $0x3f44e1bd925e6689 // p1 = 0.000637261928875436
DATA tanhc<>+112(SB)/8, $0x3f44e1bd925e6689 // p1 = 0.000637261928875436
DATA tanhc<>+120(SB)/8, $0x3f44e1bd925e6689 // p1 = 0.000637261928875436
DATA tanhc<>+128(SB)/8, $0x3eef2869425b6b19 // p2 = 1.48572235717979e-05
DATA tanhc<>+136(SB)/8, $0x3eef2869425b6b19 // p2 = 1.48572235717979e-05
DATA tanhc<>+144(SB)/8, $0x3eef2869425b6b19 // p2 = 1.48572235717979e-05
DATA tanhc<>+152(SB)/8, $0x3eef2869425b6b19 // p2 = 1.48572235717979e-05
DATA tanhc<>+160(SB)/8, $0x3e6b800811597ab9 // p3 = 5.12229709037114e-08
DATA tanhc<>+168(SB)/8, $0x3e6b800811597ab9 // p3 = 5.12229709037114e-08
DATA tanhc<>+176(SB)/8, $0x3e6b800811597ab9 // p3 = 5.12229709037114e-08
DATA tanhc<>+184(SB)/8, $0x3e6b800811597ab9 // p3 = 5.12229709037114e-08
DATA tanhc<>+192(SB)/8, $0xbdd7a6ffd1849c63 // p4 = -8.60467152213735e-11
DATA tanhc<>+200(SB)/8, $0xbdd7a6ffd1849c63 // p4 = -8.60467152213735e-11
DATA tanhc<>+208(SB)/8, $0xbdd7a6ffd1849c63 // p4 = -8.60467152213735e-11
DATA tanhc<>+216(SB)/8, $0xbdd7a6ffd1849c63 // p4 = -8.60467152213735e-11
DATA tanhc<>+224(SB)/8, $0x3d4c266fb80f2d7a // p5 = 2.00018790482477e-13
DATA tanhc<>+232(SB)/8, $0x3d4c266fb80f2d7a // p5 = 2.00018790482477e-13
DATA tanhc<>+240(SB)/8, $0x3d4c266fb80f2d7a // p5 = 2.00018790482477e-13
DATA tanhc<>+248(SB)/8, $0x3d4c266fb80f2d7a // p5 = 2.00018790482477e-13
DATA tanhc<>+256(SB)/8, $0xbcb3e4b80d6efd1d // p6 = -2.76076847742355e-16
DATA tanhc<>+264(SB)/8, $0xbcb3e4b80d6efd1d // p6 = -2.76076847742355e-16
DATA tanhc<>+272(SB)/8, $0xbcb3e4b80d6efd1d // p6 = -2.76076847742355e-16
DATA tanhc<>+280(SB)/8, $0xbcb3e4b80d6efd1d // p6 = -2.76076847742355e-16
DATA tanhc<>+288(SB)/8, $0x3f740b3baa251f6c // q0 = 0.00489352518554385
DATA tanhc<>+296(SB)/8, $0x3f740b3baa251f6c // q0 = 0.00489352518554385
DATA tanhc<>+304(SB)/8, $0x3f740b3baa251f6c // q0 = 0.00489352518554385
DATA tanhc<>+312(SB)/8, $0x3f740b3baa251f6c // q0 = 0.00489352518554385
DATA tanhc<>+320(SB)/8, $0x3f62954091e6ed38 // q1 = 0.002268434632439
DATA tanhc<>+328(SB)/8, $0x3f62954091e6ed38 // q1 = 0.002268434632439
DATA tanhc<>+336(SB)/8, $0x3f62954091e6ed38 // q1 = 0.002268434632439
DATA tanhc<>+344(SB)/8, $0x3f62954091e6ed38 // q1 = 0.002268434632439
DATA tanhc<>+352(SB)/8, $0x3f1f12babcca38ba // q2 = 0.000118534705686654
DATA tanhc<>+360(SB)/8, $0x3f1f12babcca38ba // q2 = 0.000118534705686654
DATA tanhc<>+368(SB)/8, $0x3f1f12babcca38ba // q2 = 0.000118534705686654
DATA tanhc<>+376(SB)/8, $0x3f1f12babcca38ba // q2 = 0.000118534705686654
DATA tanhc<>+384(SB)/8, $0x3eb41a7b09bb7492 // q3 = 1.19825839466702e-06
DATA tanhc<>+392(SB)/8, $0x3eb41a7b09bb7492 // q3 = 1.19825839466702e-06
DATA tanhc<>+400(SB)/8, $0x3eb41a7b09bb7492 // q3 = 1.19825839466702e-06
DATA tanhc<>+408(SB)/8, $0x3eb41a7b09bb7492 // q3 = 1.19825839466702e-06
GLOBL tanhc<>(SB), RODATA|NOPTR, $416

// func tanhAVX2(v []float64)
// Applies Tanh64 to v[:len(v)&^3] in place, four values per iteration, with
// the same Estrin evaluation as the Go code but fused multiply-adds.
TEXT ·tanhAVX2(SB), NOSPLIT, $0-24
	MOVQ v_base+0(FP), SI
	MOVQ v_len+8(FP), CX
	SHRQ $2, CX
	JZ   done
	LEAQ tanhc<>(SB), DX
	VMOVUPD 0(DX), Y15
	VMOVUPD 32(DX), Y14

loop:
	VMOVUPD (SI), Y0
	// clamp to [-9, 9]; x is the second source so a NaN stays NaN
	VMINPD Y0, Y15, Y0
	VMAXPD Y0, Y14, Y0
	VMULPD Y0, Y0, Y1 // x²
	VMULPD Y1, Y1, Y2 // x⁴
	VMULPD Y2, Y2, Y3 // x⁸

	// P = (p0 + p1x²) + x⁴(p2 + p3x²) + x⁸((p4 + p5x²) + x⁴p6)
	VMOVUPD     96(DX), Y4
	VFMADD213PD 64(DX), Y1, Y4
	VMOVUPD     160(DX), Y5
	VFMADD213PD 128(DX), Y1, Y5
	VMOVUPD     224(DX), Y6
	VFMADD213PD 192(DX), Y1, Y6
	VFMADD231PD 256(DX), Y2, Y6
	VFMADD231PD Y5, Y2, Y4
	VFMADD231PD Y6, Y3, Y4

	// Q = (q0 + q1x²) + x⁴(q2 + q3x²)
	VMOVUPD     320(DX), Y7
	VFMADD213PD 288(DX), Y1, Y7
	VMOVUPD     384(DX), Y8
	VFMADD213PD 352(DX), Y1, Y8
	VFMADD231PD Y8, Y2, Y7

	VMULPD Y0, Y4, Y4 // x·P
	VDIVPD Y7, Y4, Y4 // x·P/Q
	VMOVUPD Y4, (SI)
	ADDQ $32, SI
	DECQ CX
	JNZ  loop
	VZEROUPPER

done:
	RET

// func cpuHasAVX2FMA() bool
// CPUID: leaf 1 ECX bits 12 (FMA), 27 (OSXSAVE), 28 (AVX); XGETBV: the OS
// saves the XMM and YMM state (XCR0 bits 1 and 2); leaf 7 EBX bit 5 (AVX2).
TEXT ·cpuHasAVX2FMA(SB), NOSPLIT, $0-1
	MOVB $0, ret+0(FP)
	MOVL $0, AX
	CPUID
	CMPL AX, $7
	JLT  no
	MOVL $1, AX
	MOVL $0, CX
	CPUID
	MOVL CX, R8
	ANDL $0x18001000, R8
	CMPL R8, $0x18001000
	JNE  no
	MOVL $0, CX
	XGETBV
	ANDL $6, AX
	CMPL AX, $6
	JNE  no
	MOVL $7, AX
	MOVL $0, CX
	CPUID
	ANDL $0x20, BX
	JZ   no
	MOVB $1, ret+0(FP)

no:
	RET

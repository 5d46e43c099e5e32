#include "textflag.h"

// func gemmAVX2(c *float64, ldc int, a *float64, lda int, b *float64, ldb int, m, n, k int)
// c[i*ldc+j] += Σ_p a[i*lda+p]·b[p*ldb+j] for i < m, j < n, with m a
// multiple of 4, n of 8 and k ≥ 1 (gemm checks the bounds). Each tile of
// 4 rows × 8 columns keeps its 32 sums in Y0–Y7 over all of k: per step p,
// two loads of b, four broadcasts of a and eight fused multiply-adds.
//
// Registers: AX a of the tile's rows at p, BX b at row p, CX steps left,
// DX b of the tile's columns, SI a of the tile's rows, DI c of the tile,
// R8–R10 ldc, lda, ldb in bytes, R11 row groups left, R12 column tiles
// left, R13 c of the row group, R14 3·lda.
TEXT ·gemmAVX2(SB), NOSPLIT, $0-72
	MOVQ c+0(FP), R13
	MOVQ ldc+8(FP), R8
	SHLQ $3, R8
	MOVQ a+16(FP), SI
	MOVQ lda+24(FP), R9
	SHLQ $3, R9
	MOVQ ldb+40(FP), R10
	SHLQ $3, R10
	MOVQ m+48(FP), R11
	SHRQ $2, R11
	JZ   done
	LEAQ (R9)(R9*2), R14

rows:
	MOVQ b+32(FP), DX
	MOVQ R13, DI
	MOVQ n+56(FP), R12
	SHRQ $3, R12
	JZ   done

cols:
	VXORPD Y0, Y0, Y0
	VXORPD Y1, Y1, Y1
	VXORPD Y2, Y2, Y2
	VXORPD Y3, Y3, Y3
	VXORPD Y4, Y4, Y4
	VXORPD Y5, Y5, Y5
	VXORPD Y6, Y6, Y6
	VXORPD Y7, Y7, Y7
	MOVQ SI, AX
	MOVQ DX, BX
	MOVQ k+64(FP), CX

steps:
	VMOVUPD      (BX), Y8
	VMOVUPD      32(BX), Y9
	VBROADCASTSD (AX), Y10
	VFMADD231PD  Y8, Y10, Y0
	VFMADD231PD  Y9, Y10, Y1
	VBROADCASTSD (AX)(R9*1), Y11
	VFMADD231PD  Y8, Y11, Y2
	VFMADD231PD  Y9, Y11, Y3
	VBROADCASTSD (AX)(R9*2), Y12
	VFMADD231PD  Y8, Y12, Y4
	VFMADD231PD  Y9, Y12, Y5
	VBROADCASTSD (AX)(R14*1), Y13
	VFMADD231PD  Y8, Y13, Y6
	VFMADD231PD  Y9, Y13, Y7
	ADDQ         $8, AX
	ADDQ         R10, BX
	DECQ         CX
	JNZ          steps

	// c += sums, row by row
	VADDPD  (DI), Y0, Y0
	VMOVUPD Y0, (DI)
	VADDPD  32(DI), Y1, Y1
	VMOVUPD Y1, 32(DI)
	VADDPD  (DI)(R8*1), Y2, Y2
	VMOVUPD Y2, (DI)(R8*1)
	VADDPD  32(DI)(R8*1), Y3, Y3
	VMOVUPD Y3, 32(DI)(R8*1)
	VADDPD  (DI)(R8*2), Y4, Y4
	VMOVUPD Y4, (DI)(R8*2)
	VADDPD  32(DI)(R8*2), Y5, Y5
	VMOVUPD Y5, 32(DI)(R8*2)
	LEAQ    (DI)(R8*2), AX
	VADDPD  (AX)(R8*1), Y6, Y6
	VMOVUPD Y6, (AX)(R8*1)
	VADDPD  32(AX)(R8*1), Y7, Y7
	VMOVUPD Y7, 32(AX)(R8*1)

	ADDQ $64, DI
	ADDQ $64, DX
	DECQ R12
	JNZ  cols

	LEAQ (SI)(R9*4), SI
	LEAQ (R13)(R8*4), R13
	DECQ R11
	JNZ  rows

done:
	VZEROUPPER
	RET

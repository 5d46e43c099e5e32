package ui

import (
	"strings"
	"testing"
)

func TestNextScript(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"‖J_f(x)‖²_F", "‖J [f] (x)‖² [F] "},
		{"mean ‖d_k‖", "mean ‖d [k] ‖"},
		{"x̃_d ← 0", "x̃ [d]  ← 0"},
		{"‖W_enc‖_F", "‖W [enc] ‖ [F] "},
		{"Σ_d (∂fₖ(x)/∂x_d)²", "Σ [d]  (∂fₖ(x)/∂x [d] )²"},
		{"angle_deg and lr_hide", "angle_deg and lr_hide"},
		{"bogus_hide: no part", "bogus_hide: no part"},
		{"a_", "a_"},
		{"_x", " [x] "},
		{"x_ y", "x_ y"},
		{"", ""},
	} {
		var b strings.Builder
		s := tc.in
		for s != "" {
			seg, sub, rest := NextScript(s)
			if sub {
				b.WriteString(" [" + seg + "] ")
			} else {
				b.WriteString(seg)
			}
			if len(rest) >= len(s) {
				t.Fatalf("%q: no progress", tc.in)
			}
			s = rest
		}
		if got := b.String(); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.in, got, tc.want)
		}
	}
	if n := testing.AllocsPerRun(100, func() {
		s := "‖J_f(x)‖²_F"
		for s != "" {
			_, _, s = NextScript(s)
		}
	}); n != 0 {
		t.Errorf("NextScript allocates %v times", n)
	}
}

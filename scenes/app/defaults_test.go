package app

import (
	"testing"

	"aelab/core/sparse"
	"aelab/core/undercomplete"
)

// TestViewDefaultsHoweverReached: a view's own defaults (the sparse
// scene's patches, SAE and PSD views code with 32 atoms, its 2-D view with
// 5) apply however the view is reached — a link, a guided-lecture stop,
// aelab.set — and a link that gives the number of atoms too keeps it
// (issue 10: views opened by link or by the tour ran with 5 atoms).
func TestViewDefaultsHoweverReached(t *testing.T) {
	patches, twoD := float64(sparse.DefaultPatches.K), float64(sparse.Default2D.K)
	k := func(a *App) float64 { return a.Scene().Info().Params.Get("k") }
	for _, view := range []string{"patches", "sae", "psd"} {
		if a := newApp(t, "scene=sparse&view="+view); k(a) != patches {
			t.Errorf("?scene=sparse&view=%s: K = %v, want the view's %v", view, k(a), patches)
		}
		if a := newApp(t, "scene=sparse&k=8&view="+view); k(a) != 8 {
			t.Errorf("?scene=sparse&k=8&view=%s: K = %v, want the 8 the link gives", view, k(a))
		}
		a := newApp(t, "scene=sparse")
		a.Set("view", view)
		if k(a) != patches {
			t.Errorf("aelab.set('view', %q): K = %v, want %v", view, k(a), patches)
		}
		a.Set("view", "2d")
		if k(a) != twoD {
			t.Errorf("back to 2d: K = %v, want %v", k(a), twoD)
		}
	}
	checked := 0
	for n, st := range Tour {
		if st.Scene != "sparse" {
			continue
		}
		given := map[string]bool{}
		for _, kv := range st.Set {
			given[kv.Name] = true
		}
		if given["k"] {
			continue
		}
		a := newApp(t, "scene=pca")
		a.goToStop(n + 1)
		want := twoD
		if v := a.Scene().Info().Params; v.Spec("view").Choices[v.Int("view")] != "2d" {
			want = patches
		}
		if k(a) != want {
			t.Errorf("guided-lecture stop %d (%.40s…): K = %v, want %v", n+1, st.Say, k(a), want)
		}
		checked++
	}
	if checked < 3 {
		t.Errorf("only %d sparse stops checked", checked)
	}
}

// TestPCA3DOpensWithItsRate: the pca scene's 3-D experiment opens with its
// own learning rate (undercomplete.LR3D) by link, by aelab.set and back,
// and a link that gives lr keeps it.
func TestPCA3DOpensWithItsRate(t *testing.T) {
	lr := func(a *App) float64 { return a.Scene().Info().Params.Get("lr") }
	if a := newApp(t, "scene=pca&dim=3"); lr(a) != undercomplete.LR3D {
		t.Errorf("?dim=3: lr %v, want %v", lr(a), undercomplete.LR3D)
	}
	if a := newApp(t, "scene=pca&lr=0.02&dim=3"); lr(a) != 0.02 {
		t.Errorf("?lr=0.02&dim=3: lr %v, want the 0.02 given", lr(a))
	}
	a := newApp(t, "scene=pca")
	a.Set("dim", "3")
	if lr(a) != undercomplete.LR3D {
		t.Errorf("set dim 3: lr %v, want %v", lr(a), undercomplete.LR3D)
	}
	a.Set("dim", "2")
	if lr(a) != undercomplete.Default.LR {
		t.Errorf("back to dim 2: lr %v, want %v", lr(a), undercomplete.Default.LR)
	}
}

// TestLiveChangeShowsItsControls: a live change that shows or hides
// controls (the denoiser's corruption: σ for Gaussian noise, p for the
// mask) relays the panel at once, not at the next reset.
func TestLiveChangeShowsItsControls(t *testing.T) {
	a := newApp(t, "scene=denoise")
	shown := func(name string) bool {
		for _, w := range a.params.shown {
			if w.Spec().Name == name {
				return true
			}
		}
		return false
	}
	for _, tc := range []struct{ corruption, on, off string }{{"mask", "mask", "noise"}, {"gaussian", "noise", "mask"}} {
		a.Set("corruption", tc.corruption)
		if !shown(tc.on) || shown(tc.off) {
			t.Errorf("corruption %s: %s shown %v, %s shown %v", tc.corruption, tc.on, shown(tc.on), tc.off, shown(tc.off))
		}
	}
}

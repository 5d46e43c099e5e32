package scenes_test

import (
	"os/exec"
	"runtime"
	"strings"
	"testing"

	"aelab/scenes"
)

// kit are the packages under scenes/ that are not scenes: the shell, the
// contract, the shared kit and the platform layers.
var kit = map[string]bool{
	"aelab/scenes": true, "aelab/scenes/app": true, "aelab/scenes/scene": true, "aelab/scenes/plot": true,
	"aelab/scenes/param": true, "aelab/scenes/ui": true, "aelab/scenes/ui/uitest": true, "aelab/scenes/scene/scenetest": true,
	"aelab/scenes/gfx": true, "aelab/scenes/game": true,
}

// TestRoomsStayApart enforces DESIGN.md's layout: no scene package imports
// another scene package (what two scenes share lives in scenes/plot or
// core/), and the shell (scenes/app) imports no scene package, nor the
// registry: scenes are handed to it. Every registered scene has a folder.
func TestRoomsStayApart(t *testing.T) {
	if runtime.GOOS == "js" {
		t.Skip("go list is not available under node")
	}
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}}:{{join .Imports " "}}`, "./...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	imports := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		pkg, deps, _ := strings.Cut(line, ":")
		imports[pkg] = strings.Fields(deps)
	}
	isScene := func(p string) bool { return strings.HasPrefix(p, "aelab/scenes/") && !kit[p] }
	found := map[string]bool{}
	for pkg, deps := range imports {
		if isScene(pkg) {
			found[pkg[len("aelab/scenes/"):]] = true
		}
		for _, d := range deps {
			switch {
			case isScene(pkg) && isScene(d):
				t.Errorf("scene package %s imports scene package %s: move what they share into scenes/plot or core/", pkg, d)
			case kit[pkg] && pkg != "aelab/scenes" && (isScene(d) || d == "aelab/scenes"):
				t.Errorf("%s imports %s: the shell and the kit know scenes only through the registry handed to them", pkg, d)
			}
		}
	}
	for _, s := range scenes.All() {
		if !found[s.Info().ID] {
			t.Errorf("scene %s has no folder scenes/%s", s.Info().ID, s.Info().ID)
		}
	}
}

// TestEveryParameterBound: each declared parameter drives a field (so no
// scene looks a parameter up by name), and the registry is in the
// lecture's order as DESIGN.md lists the ids.
func TestEveryParameterBound(t *testing.T) {
	order := []string{"translate", "pca", "deep", "sparse", "denoise", "contractive", "stochastic", "hashing", "pretrain"}
	last := -1
	for _, s := range scenes.All() {
		info := s.Info()
		for i := range info.Params.Specs {
			if sp := &info.Params.Specs[i]; !sp.Bound() {
				t.Errorf("%s: parameter %s is not bound to a field (param.Bind or param.Pick)", info.ID, sp.Name)
			}
		}
		at := -1
		for i, id := range order {
			if id == info.ID {
				at = i
			}
		}
		if at <= last {
			t.Errorf("scene %s is out of the lecture's order %v", info.ID, order)
		}
		last = at
	}
}

package core_test

import (
	"os/exec"
	"runtime"
	"strings"
	"testing"
)

// TestNoEbiten keeps the math free of drawing code: DESIGN.md allows core to
// import only the standard library and gonum.
func TestNoEbiten(t *testing.T) {
	if runtime.GOOS == "js" {
		t.Skip("go list is not available under node; the native run checks this")
	}
	out, err := exec.Command("go", "list", "-deps", "./...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps ./...: %v\n%s", err, out)
	}
	for _, dep := range strings.Fields(string(out)) {
		if strings.Contains(dep, ".") && !strings.HasPrefix(dep, "gonum.org/") && !strings.HasPrefix(dep, "aelab/") && !strings.HasPrefix(dep, "golang.org/x/exp") {
			t.Errorf("core depends on %s; core may import only the standard library and gonum", dep)
		}
	}
}

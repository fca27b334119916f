package ui

import (
	"os/exec"
	"strings"
	"testing"
)

// TestCoreHasNoGUI keeps the layering honest: the core must build and run
// without Fyne (the CLI is built with CGO_ENABLED=0 from it).
func TestCoreHasNoGUI(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", "./labeler/...")
	cmd.Dir = ".."
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if strings.HasPrefix(pkg, "fyne.io/") || strings.HasPrefix(pkg, "github.com/belgi-kz/belgi/ui") {
			t.Errorf("the core depends on %s", pkg)
		}
	}
}

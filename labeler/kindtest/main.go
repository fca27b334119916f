package kindtest

import (
	"os"
	"path/filepath"
	"testing"
)

// Main runs a package's tests with the user's folders pointed at a fresh
// temporary one, so that nothing a kind keeps in the user's config folder
// (the development C2PA identity) is written into the real home. Use it
// as func TestMain(m *testing.M) { kindtest.Main(m) }.
func Main(m *testing.M) { os.Exit(RunIsolated(m)) }

// RunIsolated is Main for a TestMain with more to set up: it runs m with
// HOME, XDG_CONFIG_HOME and XDG_CACHE_HOME in a fresh temporary folder,
// removes the folder, and returns m.Run's exit code.
func RunIsolated(m *testing.M) int {
	dir, err := os.MkdirTemp("", "belgi-test-home")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	for v, sub := range map[string]string{"HOME": "", "XDG_CONFIG_HOME": ".config", "XDG_CACHE_HOME": ".cache"} {
		os.Setenv(v, filepath.Join(dir, sub))
	}
	return m.Run()
}

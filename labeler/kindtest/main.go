package kindtest

import (
	"os"
	"testing"
)

// Main runs a package's tests with XDG_CONFIG_HOME pointed at a fresh
// folder, so that nothing a kind keeps in the user's config folder (the
// development C2PA identity) is written into the real home. Use it as
// func TestMain(m *testing.M) { kindtest.Main(m) }.
func Main(m *testing.M) {
	dir, err := os.MkdirTemp("", "belgi-test-config")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CONFIG_HOME", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

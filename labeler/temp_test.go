package labeler_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/belgi-kz/belgi/labeler"
)

// TestFailingFileLeavesNoFolder: an input that fails before its output
// is written leaves no empty output folders, however deep.
func TestFailingFileLeavesNoFolder(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	dir := t.TempDir()
	write(t, dir+"/in/deep/er/bad.fk", "FAKE fail")
	write(t, dir+"/in/ok/good.fk", "FAKE good")
	spec := labeler.DefaultSpec()
	spec.Out.Dir = filepath.Join(dir, "out")
	res := run(t, spec, dir+"/in")
	if res[0].Status != labeler.StatusError && res[1].Status != labeler.StatusError {
		t.Fatalf("no failure: %+v", res)
	}
	if _, err := os.Stat(filepath.Join(dir, "out/deep")); !os.IsNotExist(err) {
		t.Errorf("a folder was left for the failed file: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "out/ok/good.fk")); err != nil {
		t.Errorf("the good file: %v", err)
	}
}

// TestRunSweepsStaleTemps: what a killed run left beside the outputs
// (its PID is gone) is removed by the next run; a stranger's file whose
// name merely resembles ours is not.
func TestRunSweepsStaleTemps(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	dir := t.TempDir()
	write(t, dir+"/a.fk", "FAKE a")
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skip(err)
	}
	dead := strconv.Itoa(cmd.Process.Pid)
	stale := write(t, dir+"/labeled/.belgi-"+dead+"-123.fk", "partial")
	staleDir := filepath.Join(dir, "labeled", ".belgi-"+dead+"-audio-1")
	os.Mkdir(staleDir, 0o755)
	keep := write(t, dir+"/labeled/.belgi-notes.fk", "mine")
	run(t, labeler.DefaultSpec(), dir+"/a.fk")
	for _, p := range []string{stale, staleDir} {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("%s was not swept", filepath.Base(p))
		}
	}
	if _, err := os.Stat(keep); err != nil {
		t.Errorf("a file that is not Belgi's was removed: %v", err)
	}
}

package scratch

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestNamesCarryThePID: what a later run needs to find the owner.
func TestNamesCarryThePID(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	dir := t.TempDir()
	f, err := File(dir, ".mp4")
	if err != nil {
		t.Fatal(err)
	}
	pid := strconv.Itoa(os.Getpid())
	if base := filepath.Base(f); !strings.HasPrefix(base, ".belgi-"+pid+"-") || !strings.HasSuffix(base, ".mp4") {
		t.Errorf("File = %s", base)
	}
	for _, c := range []struct{ parent, want string }{{"", "belgi-" + pid + "-video-"}, {dir, ".belgi-" + pid + "-audio-"}} {
		d, err := Dir(c.parent, strings.Split(c.want, "-")[2])
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(filepath.Base(d), c.want) {
			t.Errorf("Dir(%q) = %s, want prefix %s", c.parent, d, c.want)
		}
	}
}

// TestSweep decides each name by its owner: gone, alive with its lock,
// alive without one (kept for a day), or a reused PID (lock is free).
func TestSweep(t *testing.T) {
	root := t.TempDir()
	t.Setenv("TMPDIR", root)
	claim()
	dead := deadPID(t)
	reused := startSleeper(t)
	os.WriteFile(lockName(reused), nil, 0o600) // unlocked: its Belgi is gone
	unknown := startSleeper(t)
	me := os.Getpid()
	dir := t.TempDir()
	old := time.Now().Add(-MaxAge - time.Hour)
	cases := []struct {
		name    string
		dir     bool
		mtime   time.Time
		removed bool
	}{
		{name: ".belgi-" + strconv.Itoa(dead) + "-123.jpg", removed: true},
		{name: ".belgi-" + strconv.Itoa(dead) + "-audio-9", dir: true, removed: true},
		{name: "belgi-" + strconv.Itoa(dead) + "-video-1", dir: true, removed: true},
		{name: ".belgi-" + strconv.Itoa(reused) + "-5.mp4", removed: true},
		{name: ".belgi-" + strconv.Itoa(me) + "-7.jpg"},
		{name: ".belgi-" + strconv.Itoa(unknown) + "-8.jpg"},
		{name: ".belgi-" + strconv.Itoa(unknown) + "-9.jpg", mtime: old, removed: true},
		// Not Belgi's temporary names: never touched.
		{name: "belgi-notes.txt", mtime: old},
		{name: ".belgi-abc.jpg", mtime: old},
		{name: "belgi-" + strconv.Itoa(dead) + ".jpg", mtime: old},
		{name: "photo.jpg", mtime: old},
		{name: "xbelgi-" + strconv.Itoa(dead) + "-1.jpg"},
	}
	for _, c := range cases {
		p := filepath.Join(dir, c.name)
		if c.dir {
			os.Mkdir(p, 0o755)
			os.WriteFile(filepath.Join(p, "part.wav"), []byte("x"), 0o644)
		} else {
			os.WriteFile(p, []byte("x"), 0o644)
		}
		if !c.mtime.IsZero() {
			os.Chtimes(p, c.mtime, c.mtime)
		}
	}
	removed := Sweep(dir)
	for _, c := range cases {
		_, err := os.Lstat(filepath.Join(dir, c.name))
		if gone := os.IsNotExist(err); gone != c.removed {
			t.Errorf("%s: removed = %v, want %v", c.name, gone, c.removed)
		}
		if slices.Contains(removed, c.name) != c.removed {
			t.Errorf("%s: reported removed = %v, want %v", c.name, !c.removed, c.removed)
		}
	}
}

// TestSweepRootLocks: a dead process's lock goes, a live one's stays.
func TestSweepRootLocks(t *testing.T) {
	root := t.TempDir()
	t.Setenv("TMPDIR", root)
	dead, live := deadPID(t), startSleeper(t)
	for _, pid := range []int{dead, live} {
		os.WriteFile(lockName(pid), nil, 0o600)
	}
	Sweep(root)
	if _, err := os.Stat(lockName(dead)); !os.IsNotExist(err) {
		t.Error("a dead process's lock file was kept")
	}
	if _, err := os.Stat(lockName(live)); err != nil {
		t.Error("a live process's lock file was removed")
	}
}

// deadPID is the PID of a process that has exited.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skip("no true(1):", err)
	}
	return cmd.Process.Pid
}

// startSleeper is a live process that is not a Belgi.
func startSleeper(t *testing.T) int {
	t.Helper()
	cmd := exec.Command("sleep", "60")
	if err := cmd.Start(); err != nil {
		t.Skip("no sleep(1):", err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	return cmd.Process.Pid
}

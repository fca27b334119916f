package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/belgi-kz/belgi/labeler/kinds"
)

// These tests run the real belgi-cli binary on generated media, signal
// it as a user or a service manager would, and then look at what is
// left: processes, temporary files, outputs.

var cliBinary = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "belgi-cli-bin-")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "belgi-cli")
	goBin, err := exec.LookPath("go")
	if err != nil {
		return "", err
	}
	cmd := exec.Command(goBin, "build", "-o", bin, ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
})

// batchDirs is one batch's world: inputs, outputs, ledger and a private
// temp root (TMPDIR), all under one folder whose name marks its processes.
type batchDirs struct {
	root, in, out, tmp, ledger string
}

func newBatchDirs(t *testing.T) batchDirs {
	root := t.TempDir()
	d := batchDirs{root: root, in: filepath.Join(root, "in"), out: filepath.Join(root, "out"), tmp: filepath.Join(root, "tmp"), ledger: filepath.Join(root, "ledger.jsonl")}
	for _, p := range []string{d.in, d.tmp} {
		os.MkdirAll(p, 0o755)
	}
	return d
}

// start runs belgi-cli label on the batch in the background.
func (d batchDirs) start(t *testing.T, extra ...string) *exec.Cmd {
	t.Helper()
	bin, err := cliBinary()
	if err != nil {
		t.Fatal(err)
	}
	args := append([]string{"label", "-jobs", "2", "-out", d.out, "-audit", d.ledger}, extra...)
	cmd := exec.Command(bin, append(args, d.in)...)
	cmd.Env = append(os.Environ(), "TMPDIR="+d.tmp)
	cmd.Stdout, cmd.Stderr = &strings.Builder{}, &strings.Builder{}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	return cmd
}

// finish waits for the run and returns its exit status.
func finish(t *testing.T, cmd *exec.Cmd) int {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		var exit *exec.ExitError
		if err != nil && !errors.As(err, &exit) {
			t.Fatal(err)
		}
		return cmd.ProcessState.ExitCode()
	case <-time.After(4 * time.Minute):
		t.Fatalf("belgi-cli did not finish\nstderr: %s", cmd.Stderr)
		return 0
	}
}

// waitFor polls cond until it holds, failing the test after a while.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("waited too long for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// procs lists running processes whose command line mentions s (pgrep
// -f), leaving out zombies, which run no more.
func procs(s string) []string {
	entries, _ := os.ReadDir("/proc")
	var found []string
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil || pid == os.Getpid() {
			continue
		}
		cmdline, _ := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
		stat, _ := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if strings.Contains(string(cmdline), s) && !isZombie(string(stat)) {
			found = append(found, e.Name()+" "+strings.ReplaceAll(string(cmdline), "\x00", " "))
		}
	}
	return found
}

func isZombie(stat string) bool {
	i := strings.LastIndexByte(stat, ')')
	return i > 0 && len(stat) > i+2 && stat[i+2] == 'Z'
}

// children counts cmd's child processes named name (ffmpeg).
func children(cmd *exec.Cmd, name string) int {
	n := 0
	for _, p := range procs("") {
		pid, _, _ := strings.Cut(p, " ")
		status, _ := os.ReadFile("/proc/" + pid + "/status")
		if strings.Contains(string(status), "\nPPid:\t"+strconv.Itoa(cmd.Process.Pid)+"\n") && strings.Contains(string(status), "Name:\t"+name+"\n") {
			n++
		}
	}
	return n
}

// noneLeft fails the test if any process still works on the batch's
// files, allowing the kernel a moment to deliver the parent-death signal
// (but not long enough for an orphaned ffmpeg to finish its clip).
func (d batchDirs) noneLeft(t *testing.T) {
	t.Helper()
	deadline := time.Now().Add(3 * time.Second)
	for left := procs(d.root); len(left) > 0; left = procs(d.root) {
		if time.Now().After(deadline) {
			for _, p := range left {
				if pid, _, _ := strings.Cut(p, " "); pid != "" {
					n, _ := strconv.Atoi(pid)
					syscall.Kill(n, syscall.SIGKILL)
				}
			}
			t.Fatalf("processes outlived belgi-cli: %q", left)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// temps lists Belgi's temporary files and folders in the output tree
// and the temp root.
func (d batchDirs) temps() []string {
	var found []string
	filepath.WalkDir(d.out, func(p string, e os.DirEntry, err error) error {
		if err == nil && strings.HasPrefix(e.Name(), ".belgi-") {
			found = append(found, p)
		}
		return nil
	})
	entries, _ := os.ReadDir(d.tmp)
	for _, e := range entries {
		found = append(found, filepath.Join(d.tmp, e.Name()))
	}
	return found
}

// outputsReadBack checks that every file under a final name in the
// output folder carries Belgi's label when read back, and counts them.
func (d batchDirs) outputsReadBack(t *testing.T) int {
	t.Helper()
	reg := kinds.Default()
	entries, _ := os.ReadDir(d.out)
	n := 0
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") || e.IsDir() {
			continue
		}
		p := filepath.Join(d.out, e.Name())
		k, err := reg.Detect(p)
		var labeled bool
		if err == nil {
			rep, ierr := k.Inspect(context.Background(), p)
			labeled, err = rep.Labeled, ierr
		}
		if err != nil || !labeled {
			t.Errorf("%s is under its final name but does not read back as labeled: %v", e.Name(), err)
		}
		n++
	}
	return n
}

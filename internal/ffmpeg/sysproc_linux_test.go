package ffmpeg

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// helperEnv makes the test binary act as a Belgi that starts a child and
// waits: the parent-death test kills it with SIGKILL.
const helperEnv = "BELGI_FFMPEG_TEST_PARENT"

func TestMain(m *testing.M) {
	if pidFile := os.Getenv(helperEnv); pidFile != "" {
		// "sh -c" prints the PID of sleep, then waits as the program would.
		Pipe(context.Background(), nil, nil, "sh", "-c", "echo $$ > "+pidFile+"; exec sleep 300")
		os.Exit(0)
	}
	// What ffmpeg can encode is kept in a temporary cache folder, not the
	// user's (see encoderFile).
	dir, err := os.MkdirTemp("", "belgi-ffmpeg-test")
	if err != nil {
		panic(err)
	}
	os.Setenv("BELGI_CACHE_DIR", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// TestCancelKillsTheWholeGroup: a program's own children die with it on
// cancel, not only the program itself.
func TestCancelKillsTheWholeGroup(t *testing.T) {
	pidFile := filepath.Join(t.TempDir(), "pid")
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- Pipe(ctx, nil, nil, "sh", "-c", "sleep 300 & echo $! > "+pidFile+"; wait")
	}()
	grandchild := waitPID(t, pidFile)
	cancel()
	select {
	case err := <-done:
		if err != context.Canceled {
			t.Errorf("Pipe = %v, want context.Canceled", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Pipe did not return after cancel")
	}
	waitGone(t, grandchild)
}

// TestChildDiesWithBelgi: kill -9 of the parent takes its child along
// (PR_SET_PDEATHSIG), so no ffmpeg is left running under PID 1.
func TestChildDiesWithBelgi(t *testing.T) {
	pidFile := filepath.Join(t.TempDir(), "pid")
	parent := exec.Command(os.Args[0], "-test.run=^$")
	parent.Env = append(os.Environ(), helperEnv+"="+pidFile)
	if err := parent.Start(); err != nil {
		t.Fatal(err)
	}
	child := waitPID(t, pidFile)
	parent.Process.Signal(syscall.SIGKILL)
	parent.Wait()
	waitGone(t, child)
}

func waitPID(t *testing.T, path string) int {
	t.Helper()
	for range 200 {
		if b, err := os.ReadFile(path); err == nil && strings.HasSuffix(string(b), "\n") {
			pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
			if err == nil {
				return pid
			}
		}
		time.Sleep(25 * time.Millisecond)
	}
	t.Fatal("the child never wrote its PID")
	return 0
}

// waitGone waits until pid has exited (a zombie awaiting its reaper
// counts as gone: it runs no more).
func waitGone(t *testing.T, pid int) {
	t.Helper()
	for range 200 {
		stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
		if err != nil || zombie(string(stat)) {
			return
		}
		time.Sleep(25 * time.Millisecond)
	}
	syscall.Kill(pid, syscall.SIGKILL)
	t.Fatalf("process %d still runs", pid)
}

func zombie(stat string) bool {
	i := strings.LastIndexByte(stat, ')')
	return i > 0 && len(stat) > i+2 && stat[i+2] == 'Z'
}

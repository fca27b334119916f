package scratch

import (
	"os"
	"path/filepath"
	"strconv"
	"sync"

	"github.com/belgi-kz/belgi/internal/flock"
)

// own is this process's claim on its temporary names: an open, locked
// "belgi-<pid>.lock" in the temp folder. It is process-wide by nature
// (temporary files belong to processes), hence a package variable.
var own struct {
	once sync.Once
	mu   sync.Mutex
	f    *os.File
}

func lockName(pid int) string {
	return filepath.Join(Root(), "belgi-"+strconv.Itoa(pid)+".lock")
}

// claim takes this process's owner lock once. Failing to take it only
// makes sweeps by other processes fall back to the PID and the age, so
// it is not an error.
func claim() {
	own.once.Do(func() {
		f, err := os.OpenFile(lockName(os.Getpid()), os.O_RDWR|os.O_CREATE, 0o600)
		if err != nil {
			return
		}
		if ok, _ := flock.TryLock(f); !ok {
			f.Close()
			return
		}
		own.mu.Lock()
		own.f = f
		own.mu.Unlock()
	})
}

// Release gives up the owner lock and removes its file; call it when the
// process is about to exit, after its temporary files are gone.
func Release() {
	own.mu.Lock()
	defer own.mu.Unlock()
	if own.f != nil {
		os.Remove(own.f.Name())
		own.f.Close()
		own.f = nil
	}
}

// ownerState says what is known of the process that made a name.
type ownerState int

const (
	ownerGone    ownerState = iota // no such process, or its lock is free
	ownerLive                      // holds its lock: certainly alive
	ownerUnknown                   // a process with that PID runs, no lock file
)

// owner finds out whether pid still owns its temporary names. A free
// lock file with a live PID means the PID was reused by another program.
func owner(pid int) ownerState {
	if pid == os.Getpid() {
		return ownerLive
	}
	if !alive(pid) {
		return ownerGone
	}
	f, err := os.Open(lockName(pid))
	if err != nil {
		return ownerUnknown
	}
	defer f.Close()
	if ok, _ := flock.TryLock(f); ok {
		flock.Unlock(f)
		return ownerGone
	}
	return ownerLive
}

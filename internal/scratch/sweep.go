package scratch

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"sync"
	"time"
)

// Names Sweep may remove, and nothing else: a temporary name carries its
// owner's PID right after "belgi-"; an owner lock is "belgi-<pid>.lock".
var (
	tempName = regexp.MustCompile(`^\.?belgi-([0-9]{1,10})-.`)
	lockFile = regexp.MustCompile(`^belgi-([0-9]{1,10})\.lock$`)
)

// MaxAge is how long a name whose owner cannot be told (a live PID with
// no lock file: another temp folder, or a reused PID) is kept.
const MaxAge = 24 * time.Hour

// swept remembers folders already swept by this process: one pass per
// folder per run is enough, and a folder may be touched by every file.
var swept sync.Map

// SweepOnce sweeps dir the first time this process asks for it; dir's
// errors are ignored, since sweeping only tidies.
func SweepOnce(dir string) {
	dir = filepath.Clean(dir)
	if _, done := swept.LoadOrStore(dir, true); done {
		return
	}
	Sweep(dir)
	if dir != Root() {
		SweepOnce(Root())
	}
}

// Sweep removes from dir the temporary files and folders whose owner has
// gone, and the owner locks of processes that no longer exist. It
// returns the names it removed.
func Sweep(dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var removed []string
	for _, e := range entries {
		if stale(dir, e) && os.RemoveAll(filepath.Join(dir, e.Name())) == nil {
			removed = append(removed, e.Name())
		}
	}
	return removed
}

// stale decides one entry. Lock files go only with their process, so a
// live owner's lock is never taken away from it.
func stale(dir string, e os.DirEntry) bool {
	if m := lockFile.FindStringSubmatch(e.Name()); m != nil {
		pid, err := strconv.Atoi(m[1])
		return err == nil && pid != os.Getpid() && !alive(pid)
	}
	m := tempName.FindStringSubmatch(e.Name())
	if m == nil {
		return false
	}
	pid, err := strconv.Atoi(m[1])
	if err != nil {
		return false
	}
	switch owner(pid) {
	case ownerGone:
		return true
	case ownerUnknown:
		info, err := e.Info()
		return err == nil && time.Since(info.ModTime()) > MaxAge
	}
	return false
}

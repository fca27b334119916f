//go:build windows

package flock

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"
)

// whole covers every byte a file can have: Windows locks byte ranges.
const whole = ^uint32(0)

// Lock blocks until f is locked exclusively.
func Lock(f *os.File) error {
	return lock(f, windows.LOCKFILE_EXCLUSIVE_LOCK)
}

// TryLock locks f exclusively if no one else holds it; false means
// another open file holds the lock.
func TryLock(f *os.File) (bool, error) {
	err := lock(f, windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY)
	if errors.Is(err, windows.ERROR_LOCK_VIOLATION) {
		return false, nil
	}
	return err == nil, err
}

// Unlock releases a lock taken with Lock or TryLock.
func Unlock(f *os.File) error {
	return windows.UnlockFileEx(windows.Handle(f.Fd()), 0, whole, whole, new(windows.Overlapped))
}

func lock(f *os.File, flags uint32) error {
	return windows.LockFileEx(windows.Handle(f.Fd()), flags, 0, whole, whole, new(windows.Overlapped))
}

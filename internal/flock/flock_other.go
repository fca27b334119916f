//go:build !unix && !windows

package flock

import "os"

// Lock does nothing where the system has no file locks (wasm, plan9):
// one Belgi process per ledger there.
func Lock(*os.File) error { return nil }

// TryLock always succeeds where the system has no file locks.
func TryLock(*os.File) (bool, error) { return true, nil }

// Unlock does nothing where the system has no file locks.
func Unlock(*os.File) error { return nil }

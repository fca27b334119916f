// Package flock takes advisory, whole-file locks that other Belgi
// processes respect: flock(2) on Unix, LockFileEx on Windows. A lock
// belongs to the open file and ends when the file is closed or the
// process dies, even by kill -9, so a crash never leaves a lock behind.
package flock

//go:build unix && !linux

package ffmpeg

import "syscall"

// deathSignal: only Linux has a parent-death signal; elsewhere children
// are stopped on cancel through their process group.
func deathSignal(*syscall.SysProcAttr) {}

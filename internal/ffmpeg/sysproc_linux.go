package ffmpeg

import "syscall"

// deathSignal has the kernel kill the child when Belgi dies, even by
// kill -9, so no ffmpeg keeps writing under PID 1. (The signal follows
// the OS thread that started the child; Go only ends threads locked with
// LockOSThread, which this package never does.)
func deathSignal(a *syscall.SysProcAttr) { a.Pdeathsig = syscall.SIGKILL }

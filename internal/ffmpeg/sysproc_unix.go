//go:build unix

package ffmpeg

import (
	"os/exec"
	"syscall"
	"time"
)

// waitDelay bounds how long Wait waits for a killed program's output
// pipes to close.
const waitDelay = 5 * time.Second

// contain makes cmd a process group leader and, on cancel, kills the
// whole group: whatever the program started dies with it, and a Ctrl-C
// at the terminal reaches Belgi alone, which then stops its children
// itself. On Linux the child also dies if Belgi does (deathSignal).
func contain(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	deathSignal(cmd.SysProcAttr)
	cmd.Cancel = func() error {
		if err := syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL); err != nil {
			return cmd.Process.Kill()
		}
		return nil
	}
	cmd.WaitDelay = waitDelay
}

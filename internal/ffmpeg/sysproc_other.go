//go:build !unix

package ffmpeg

import (
	"os/exec"
	"time"
)

// contain: on Windows the default cancel (TerminateProcess) already
// stops the program, which starts no children of its own; WaitDelay
// bounds the wait for its pipes.
func contain(cmd *exec.Cmd) { cmd.WaitDelay = 5 * time.Second }

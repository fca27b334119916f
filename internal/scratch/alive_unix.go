//go:build unix

package scratch

import (
	"errors"

	"golang.org/x/sys/unix"
)

// alive reports whether a process with this PID exists (signal 0 checks
// without sending anything; EPERM means it exists but is not ours).
func alive(pid int) bool {
	err := unix.Kill(pid, 0)
	return err == nil || errors.Is(err, unix.EPERM)
}

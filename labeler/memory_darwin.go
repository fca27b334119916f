package labeler

import "golang.org/x/sys/unix"

// totalRAM is the computer's physical memory in bytes.
func totalRAM() int64 {
	n, err := unix.SysctlUint64("hw.memsize")
	if err != nil || n == 0 {
		return fallbackRAM
	}
	return int64(n)
}

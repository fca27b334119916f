package labeler

import "golang.org/x/sys/unix"

// totalRAM is the computer's physical memory in bytes.
func totalRAM() int64 {
	var si unix.Sysinfo_t
	if unix.Sysinfo(&si) != nil || si.Totalram == 0 {
		return fallbackRAM
	}
	return int64(si.Totalram) * int64(si.Unit)
}

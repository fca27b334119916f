//go:build !linux && !darwin

package labeler

// totalRAM: on systems Belgi does not ask, assume a common laptop.
func totalRAM() int64 { return fallbackRAM }

//go:build !unix && !windows

package scratch

// alive cannot tell on these systems; sweeps then rely on the age.
func alive(int) bool { return true }

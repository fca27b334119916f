package scratch

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
)

// prefix is what every temporary name starts with, after an optional
// dot: "belgi-<pid>-".
func prefix() string { return "belgi-" + strconv.Itoa(os.Getpid()) + "-" }

// File creates an empty, hidden temporary file in dir whose name ends in
// ext (tools such as ffmpeg choose the format by extension) and returns
// its name. The caller removes it or renames it into place.
func File(dir, ext string) (string, error) {
	f, err := Create(dir, ext)
	if err != nil {
		return "", err
	}
	return f.Name(), f.Close()
}

// Create is File for callers that write the file themselves: it returns
// it open for writing (mode 0600, as os.CreateTemp makes it).
func Create(dir, ext string) (*os.File, error) {
	claim()
	SweepOnce(dir)
	return os.CreateTemp(dir, "."+prefix()+"*"+ext)
}

// Dir creates a private working folder for purpose ("video", "audio")
// and returns its path; the caller removes it with os.RemoveAll. An empty
// parent means the system's temp folder; another parent gets a hidden
// folder, so large intermediate files can stay on the output's disk.
func Dir(parent, purpose string) (string, error) {
	claim()
	pattern := prefix() + purpose + "-*"
	if parent == "" {
		parent = os.TempDir()
	} else {
		pattern = "." + pattern
	}
	SweepOnce(parent)
	d, err := os.MkdirTemp(parent, pattern)
	if err != nil {
		return "", fmt.Errorf("temporary folder: %w", err)
	}
	return d, nil
}

// Root is the folder where working folders and owner locks live.
func Root() string { return filepath.Clean(os.TempDir()) }

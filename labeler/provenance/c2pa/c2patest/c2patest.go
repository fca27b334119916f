// Package c2patest runs the reference C2PA implementation
// (@contentauth/c2pa-wasm, installed by `make c2pa-verifier`) and makes
// small media files with ffmpeg, for the tests of every package that
// signs Content Credentials. It is used by tests only.
package c2patest

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// Verdict is verify/verify.mjs's summary of the reference implementation.
type Verdict struct {
	State         string   `json:"state"`
	Failures      []string `json:"failures"`
	Success       []string `json:"success"`
	Informational []string `json:"informational"`
	Deltas        []string `json:"deltas"`
	Actions       []struct {
		Action            string `json:"action"`
		DigitalSourceType string `json:"digitalSourceType"`
		SoftwareAgent     string `json:"softwareAgent"` // "name version"
	} `json:"actions"`
	Ingredients []Ingredient `json:"ingredients"`
	Manifests   int          `json:"manifests"`
	Signer      string       `json:"signer"`
	Timestamp   string       `json:"timestamp"`
	// Error is why the reference read no manifest (JumbfNotFound,
	// RemoteManifestUrl, PrereleaseError, ...); State is then "".
	Error string `json:"error"`
}

// Ingredient is one ingredient of the active manifest.
type Ingredient struct {
	Title          string   `json:"title"`
	Relationship   string   `json:"relationship"`
	Format         string   `json:"format"`
	ActiveManifest string   `json:"activeManifest"`
	Validation     []string `json:"validation"`
}

// DST is the first digitalSourceType the reference implementation read.
func (v Verdict) DST() string {
	for _, a := range v.Actions {
		if a.DigitalSourceType != "" {
			return a.DigitalSourceType
		}
	}
	return ""
}

// verifyDir is verify/ beside this package.
func verifyDir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "verify")
}

// Reference runs the reference C2PA implementation over the file at
// path (its extension names the format), trusting the PEM anchors file
// when given. Only a missing node skips: a missing verifier install is a
// failure, since `make test` installs it (make c2pa-verifier).
func Reference(t testing.TB, path, anchors string) Verdict {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not installed; the reference C2PA check needs Node 20")
	}
	dir := verifyDir()
	if _, err := os.Stat(filepath.Join(dir, "node_modules/@contentauth/c2pa-wasm")); err != nil {
		t.Fatal("reference verifier not installed: run `make c2pa-verifier`")
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	args := []string{"verify.mjs", path}
	if anchors != "" {
		args = append(args, anchors)
	}
	cmd := exec.Command(node, args...)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		var stderr []byte
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = ee.Stderr
		}
		t.Fatalf("verify.mjs %s: %v\n%s", filepath.Base(path), err, stderr)
	}
	var v Verdict
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatalf("verify.mjs output: %v\n%s", err, out)
	}
	t.Logf("%s: %s, failures %v, success %v", filepath.Base(path), v.State, v.Failures, v.Success)
	return v
}

// ReferenceBytes is Reference for data written to a temporary file with
// the extension ext.
func ReferenceBytes(t testing.TB, data []byte, ext, anchors string) Verdict {
	t.Helper()
	file := filepath.Join(t.TempDir(), "asset."+ext)
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return Reference(t, file, anchors)
}

// ffmpegArgs make one second of sound (and picture) per media format.
var ffmpegArgs = map[string][]string{
	"wav":  {"-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-c:a", "pcm_s16le"},
	"mp3":  {"-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-c:a", "libmp3lame", "-b:a", "64k"},
	"flac": {"-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-c:a", "flac"},
	"m4a":  {"-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-c:a", "aac", "-b:a", "64k"},
	"mp4": {"-f", "lavfi", "-i", "testsrc=size=64x48:rate=10:duration=1", "-f", "lavfi", "-i", "sine=frequency=440:duration=1",
		"-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-movflags", "+faststart", "-shortest"},
	"mov": {"-f", "lavfi", "-i", "testsrc=size=64x48:rate=10:duration=1", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"},
	"avi": {"-f", "lavfi", "-i", "testsrc=size=64x48:rate=10:duration=1", "-c:v", "mpeg4"},
}

// IsMedia reports whether Media makes files of format.
func IsMedia(format string) bool { _, ok := ffmpegArgs[format]; return ok }

// Media makes a one-second file of an audio or video format (named by
// its extension) with ffmpeg, skipping the test when ffmpeg is missing.
func Media(t testing.TB, format string) []byte {
	t.Helper()
	bin, err := exec.LookPath("ffmpeg")
	if err != nil {
		t.Skip("ffmpeg not installed")
	}
	out := filepath.Join(t.TempDir(), "m."+format)
	args := append(append([]string{"-hide_banner", "-loglevel", "error", "-y"}, ffmpegArgs[format]...), "-map_metadata", "-1", out)
	if b, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
		t.Fatalf("ffmpeg %s: %v\n%s", format, err, b)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

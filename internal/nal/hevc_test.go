package nal

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// x265 encodes a short clip as an HEVC byte stream, or skips the test
// when ffmpeg or its x265 encoder is missing.
func x265(t *testing.T, params string) []byte {
	t.Helper()
	if _, err := exec.LookPath("ffmpeg"); err != nil {
		t.Skip("ffmpeg is not installed")
	}
	out := filepath.Join(t.TempDir(), "clip.hevc")
	cmd := exec.Command("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc2=size=192x108:rate=25:duration=1.2",
		"-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error:keyint=10:"+params, "-f", "hevc", out)
	if b, err := cmd.CombinedOutput(); err != nil {
		if strings.Contains(string(b), "Unknown encoder") {
			t.Skip("no libx265 in this ffmpeg")
		}
		t.Fatalf("x265: %v: %s", err, b)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// decode returns ffmpeg's framemd5 lines (the hashes only) and whatever
// it complained about.
func decode(t *testing.T, stream []byte) ([]string, string) {
	t.Helper()
	in := filepath.Join(t.TempDir(), "in.hevc")
	if err := os.WriteFile(in, stream, 0o644); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd := exec.Command("ffmpeg", "-v", "error", "-i", in, "-f", "framemd5", "-")
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("decode: %v: %s", err, stderr.String())
	}
	var hashes []string
	for _, l := range strings.Split(string(out), "\n") {
		if f := strings.Split(l, ","); len(f) == 6 && !strings.HasPrefix(l, "#") {
			hashes = append(hashes, strings.TrimSpace(f[5]))
		}
	}
	return hashes, stderr.String()
}

// renumberStream renumbers every NAL unit of a byte stream by one.
func renumberStream(t *testing.T, b []byte) ([]byte, error) {
	t.Helper()
	units := SplitAnnexB(b)
	var params [][]byte
	for _, u := range units {
		if ty := HEVCType(u); ty >= hevcVPS && ty <= hevcPPS {
			params = append(params, u)
		}
	}
	n, err := NewRenumber(params, [3][]uint{{0}, {0}, {0}})
	if err != nil {
		return nil, err
	}
	var out []byte
	for _, u := range units {
		v, err := n.Unit(u)
		if err != nil {
			return nil, err
		}
		out = append(append(out, 0, 0, 0, 1), v...)
	}
	return out, nil
}

// TestRenumberDecodesIdentically: x265's stream with every parameter set
// moved to id 1 decodes, by ffmpeg, to the very same frames.
func TestRenumberDecodesIdentically(t *testing.T) {
	cases := []struct {
		params string
		ok     bool
	}{
		{"wpp=0:weightp=0", true},
		{"wpp=0:weightp=0:bframes=4:b-pyramid=1:ref=4", true},
		{"wpp=0:weightp=0:sao=0:deblock=-1,-1:scaling-list=default", true},
		{"wpp=1", false},                     // entry points
		{"wpp=0:weightp=1:bframes=0", false}, // weighted prediction (refused or unused)
	}
	for _, c := range cases {
		t.Run(c.params, func(t *testing.T) {
			src := x265(t, c.params)
			got, err := renumberStream(t, src)
			if err != nil {
				if c.ok {
					t.Fatalf("renumber: %v", err)
				}
				return
			}
			want, msg := decode(t, src)
			have, msg2 := decode(t, got)
			if msg != "" || msg2 != "" {
				t.Fatalf("ffmpeg complained: %q / %q", msg, msg2)
			}
			if strings.Join(want, ",") != strings.Join(have, ",") || len(want) < 25 {
				t.Errorf("renumbered stream decodes to other frames (%d vs %d)", len(have), len(want))
			}
			if !bytes.Contains(traceIDs(t, got), []byte("slice_pic_parameter_set_id                                010 = 1")) {
				t.Errorf("trace_headers does not show slices naming PPS 1")
			}
		})
	}
}

// traceIDs is ffmpeg's trace_headers output for the stream.
func traceIDs(t *testing.T, stream []byte) []byte {
	t.Helper()
	in := filepath.Join(t.TempDir(), "in.hevc")
	if err := os.WriteFile(in, stream, 0o644); err != nil {
		t.Fatal(err)
	}
	out, _ := exec.Command("ffmpeg", "-v", "trace", "-i", in, "-c", "copy", "-bsf:v", "trace_headers", "-frames:v", "3", "-f", "null", "-").CombinedOutput()
	return out
}

package ffmpeg

import (
	"os"
	"strings"
	"testing"
)

func TestScrub(t *testing.T) {
	args := []string{"-v", "error", "-i", "/data/in/broken.mkv", "-map", "0:v", "/data/out/.belgi-1.mkv"}
	for _, tc := range []struct{ in, want string }{
		{"[matroska,webm @ 0x55a8fd372340] EBML header parsing failed | /data/in/broken.mkv: Invalid data found when processing input",
			"[matroska,webm] EBML header parsing failed | Invalid data found when processing input"},
		{"Error opening input file /data/in/broken.mkv.", "Error opening input file broken.mkv."},
		{"/data/out/.belgi-1.mkv: No space left on device", "No space left on device"},
		{"Conversion failed!", "Conversion failed!"},
	} {
		if got := scrub(tc.in, args); got != tc.want {
			t.Errorf("scrub(%q)\n = %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

// TestRunErrorLeavesPathsOut runs the real ffprobe on a damaged file: the
// error must not carry the file's path.
func TestRunErrorLeavesPathsOut(t *testing.T) {
	if _, err := Find("ffprobe"); err != nil {
		t.Skip(err)
	}
	p := t.TempDir() + "/broken.mkv"
	if err := os.WriteFile(p, []byte("\x1a\x45\xdf\xa3\x93\x42\x82\x88matroska\x42\x87\x81\x04\x00\x00\x00\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Probe(t.Context(), p)
	if err == nil {
		t.Fatal("ffprobe accepted a damaged file")
	}
	if msg := err.Error(); strings.Contains(msg, "broken.mkv") || strings.Contains(msg, " @ 0x") {
		t.Errorf("error %q carries the path or an address", msg)
	}
}

package video

import (
	"context"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
)

// TestPrimingMovesNoStream: a 600 fps MKV with AC-3 sound (a phone's
// slow motion, androidx-media's PGS sample) read back with "non
// monotonically increasing dts": the re-encoded AC-3 started 256 samples
// early, Matroska stores no time before zero, so every stream moved 6 ms,
// off the picture's 1/600 s grid. The labeled copy's streams start where
// the source's did, and it reads as cleanly as the source.
func TestPrimingMovesNoStream(t *testing.T) {
	if _, err := exec.LookPath("ffmpeg"); err != nil {
		t.Skip("ffmpeg is not installed")
	}
	dir := t.TempDir()
	ac3, in := filepath.Join(dir, "sound.ac3"), filepath.Join(dir, "slowmo.mkv")
	ctx := context.Background()
	// AC-3 made apart and copied in, so the source itself starts at zero.
	if _, err := ffmpeg.Run(ctx, "ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=f=440:r=44100", "-t", "1", "-c:a", "ac3", ac3); err != nil {
		t.Fatal(err)
	}
	if _, err := ffmpeg.Run(ctx, "ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=600", "-i", ac3,
		"-map", "0:v", "-map", "1:a", "-t", "1", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "copy", in); err != nil {
		t.Fatal(err)
	}
	if msg := decodeErrors(t, in); msg != "" {
		t.Fatalf("the source does not read cleanly: %s", msg)
	}
	res := label(t, testKind(), in, testSpec())
	if msg := decodeErrors(t, res.Output); msg != "" {
		t.Errorf("the labeled copy reads with errors: %.200s", msg)
	}
	src, out := streamsOf(t, in), streamsOf(t, res.Output)
	for i := range min(len(src), len(out)) {
		if src[i].StartTime != out[i].StartTime {
			t.Errorf("stream %d starts at %s, the source's at %s", i, out[i].StartTime, src[i].StartTime)
		}
	}
}

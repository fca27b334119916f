package video

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
)

// keyedClip is a 3 s clip with a key frame every 10 frames (0.4 s).
func keyedClip(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "keyed.mp4")
	if _, err := ffmpeg.Run(context.Background(), "ffmpeg", "-hide_banner", "-v", "error", "-f", "lavfi",
		"-i", "testsrc2=size=320x240:rate=25:duration=3", "-c:v", "libx264", "-preset", "ultrafast",
		"-g", "10", "-pix_fmt", "yuv420p", "-y", path); err != nil {
		t.Skip("ffmpeg cannot make the clip: ", err)
	}
	return path
}

// aloneFrame is the frame storedFrames' fallback decodes for t, every
// frame decoded.
func aloneFrame(t *testing.T, path string, s *source, at time.Duration) []byte {
	t.Helper()
	out, err := ffmpeg.Run(context.Background(), "ffmpeg", append(append([]string{"-hide_banner", "-nostdin", "-v", "error"},
		frameInput(path, at, false)...), frameOutput(0, s, "-")...)...)
	if err != nil {
		t.Fatal(err)
	}
	return out[:4*s.video.Width*s.video.Height]
}

var sampleTimes = []time.Duration{0, 500 * time.Millisecond, 1300 * time.Millisecond, 2500 * time.Millisecond}

// TestSamplesDecodeKeyFramesOnly: decoding only key frames gives the
// background samples the frames a full decode from the same key frames
// gives.
func TestSamplesDecodeKeyFramesOnly(t *testing.T) {
	path := keyedClip(t)
	s := mustProbe(t, path)
	frames, errs := storedFrames(context.Background(), path, s, sampleTimes)
	for i, at := range sampleTimes {
		if frames[i] == nil {
			t.Fatalf("%v: no frame: %v", at, errs[i])
		}
		if string(frames[i].Pix) != string(aloneFrame(t, path, s, at)) {
			t.Errorf("%v: the key-frame-only sample differs from the full decode's", at)
		}
	}
}

// TestSamplesWithoutKeyFramesFallBack: when the key-frame-only run
// gives no frame (a stream that flags none), each frame is decoded alone
// in full, and the samples are still there.
func TestSamplesWithoutKeyFramesFallBack(t *testing.T) {
	path := keyedClip(t)
	s := mustProbe(t, path)
	real, err := ffmpeg.Find("ffmpeg")
	if err != nil {
		t.Skip(err)
	}
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash for the fake ffmpeg")
	}
	dir := t.TempDir()
	fake := filepath.Join(dir, "ffmpeg")
	script := "#!" + bash + "\ncase \" $* \" in *\" nokey \"*) exit 0;; esac\nexec '" + real + "' \"$@\"\n"
	if err := os.WriteFile(fake, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	old, had := ffmpeg.Paths["ffmpeg"]
	ffmpeg.Paths["ffmpeg"] = fake
	t.Cleanup(func() {
		if had {
			ffmpeg.Paths["ffmpeg"] = old
		} else {
			delete(ffmpeg.Paths, "ffmpeg")
		}
	})
	frames, errs := storedFrames(context.Background(), path, s, sampleTimes)
	ffmpeg.Paths["ffmpeg"] = real
	for i, at := range sampleTimes {
		if frames[i] == nil {
			t.Fatalf("%v: no frame after the fallback: %v", at, errs[i])
		}
		if string(frames[i].Pix) != string(aloneFrame(t, path, s, at)) {
			t.Errorf("%v: the fallback's frame differs from a full decode's", at)
		}
	}
}

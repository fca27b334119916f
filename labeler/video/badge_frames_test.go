package video

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
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

// TestSamplesShareKeyFrames: in a clip the probe read whole, times that
// land on one key frame are decoded once, and each still gets the frame
// a full decode at its own time gives.
func TestSamplesShareKeyFrames(t *testing.T) {
	path := keyedClip(t)
	s := mustProbe(t, path)
	if !s.info.Whole || len(s.info.FirstKeys[s.video.Index]) != 8 {
		t.Fatalf("probe: whole %v, key frames %v; want the 8 of a 3 s clip keyed every 0.4 s", s.info.Whole, s.info.FirstKeys)
	}
	ms := func(n int) time.Duration { return time.Duration(n) * time.Millisecond }
	times := []time.Duration{0, ms(100), ms(500), ms(700), ms(1300)}
	if got, want := s.sameKeyFrame(times), []int{0, 0, 2, 2, 4}; !slices.Equal(got, want) {
		t.Errorf("shared key frames %v, want %v", got, want)
	}
	frames, errs := sharedFrames(context.Background(), path, s, times)
	for i, at := range times {
		if frames[i] == nil || string(frames[i].Pix) != string(aloneFrame(t, path, s, at)) {
			t.Errorf("%v: shared sample differs from the full decode's (%v)", at, errs[i])
		}
	}
	s.info.Whole = false // a longer file: the probe did not see every key frame
	if got := s.sameKeyFrame(times); !slices.Equal(got, []int{0, 1, 2, 3, 4}) {
		t.Errorf("without the whole file, shared %v", got)
	}
}

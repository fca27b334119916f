package video

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/labeler"
)

// Smart-render fixtures last 8 s with a key frame every second, so that
// there is something after the label to copy. At 7 s a white frame
// flashes and a 3 kHz beep starts: the A/V sync check times both.
var smartClips = struct {
	mu   sync.Mutex
	made map[string]error
}{made: map[string]error{}}

const (
	flashAt   = 7.0
	smartRate = 25.0
)

var smartArgs = map[string][]string{
	"h264.mp4": {"-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-c:a", "aac", "-b:a", "96k"},
	"h264-bframes.mov": {"-c:v", "libx264", "-preset", "fast", "-bf", "3", "-g", "25",
		"-c:a", "aac", "-b:a", "128k"},
	"hevc.mov": {"-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error:keyint=25:min-keyint=25",
		"-tag:v", "hvc1", "-c:a", "aac"},
	"vp9.webm": {"-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-g", "25", "-b:v", "400k", "-c:a", "libopus"},
	"subs.mkv": {"-map", "2:s", "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-c:a", "aac", "-c:s", "srt"},
}

// smartClip makes (once per test binary) an 8-second fixture.
func smartClip(t *testing.T, name string) string {
	t.Helper()
	dir := filepath.Dir(clip(t, "h264.mp4"))
	smartClips.mu.Lock()
	defer smartClips.mu.Unlock()
	path := filepath.Join(dir, "smart-"+name)
	err, done := smartClips.made[name]
	if !done {
		err = makeSmartClip(dir, name, path)
		smartClips.made[name] = err
	}
	if err != nil {
		t.Fatalf("making %s: %v", name, err)
	}
	return path
}

func makeSmartClip(dir, name, path string) error {
	args := []string{"-hide_banner", "-v", "error",
		"-f", "lavfi", "-i", fmt.Sprintf("testsrc2=size=320x240:rate=%g,drawbox=c=white:t=fill:enable='between(t,%g,%g)'", smartRate, flashAt, flashAt+0.5/smartRate),
		"-f", "lavfi", "-i", fmt.Sprintf("aevalsrc=0.2*sin(2*PI*440*t)+if(between(t\\,%g\\,%g)\\,0.6*sin(2*PI*3000*t)\\,0):s=48000", flashAt, flashAt+0.2)}
	if name == "subs.mkv" {
		srt, meta := filepath.Join(dir, "smart.srt"), filepath.Join(dir, "smart-chapters.txt")
		cues := "1\n00:00:01,000 --> 00:00:02,500\nСәлем\n\n2\n00:00:06,000 --> 00:00:07,000\nҚош\n"
		chapters := ";FFMETADATA1\ntitle=Жаңалықтар\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=4000\ntitle=Бір\n" +
			"[CHAPTER]\nTIMEBASE=1/1000\nSTART=4000\nEND=8000\ntitle=Екі\n"
		if err := os.WriteFile(srt, []byte(cues), 0o644); err != nil {
			return err
		}
		if err := os.WriteFile(meta, []byte(chapters), 0o644); err != nil {
			return err
		}
		args = append(args, "-i", srt, "-i", meta, "-map_chapters", "3", "-map_metadata", "3", "-metadata:s:a:0", "language=kaz")
	}
	args = append(args, "-map", "0:v", "-map", "1:a", "-pix_fmt", "yuv420p")
	args = append(append(args, smartArgs[name]...), "-t", "8", "-y", path)
	_, err := ffmpeg.Run(context.Background(), "ffmpeg", args...)
	return err
}

func smartSpec() labeler.Spec {
	s := testSpec()
	s.Video.BadgeMode, s.Video.BadgeSeconds = labeler.BadgeStart, 2
	return s
}

// TestSmartRender labels each container with the badge for the first 2 s
// and holds the output to readers nobody here wrote: ffmpeg decodes it
// without a word, ffprobe counts the source's frames (plus the slate's),
// every frame after the cut is bit-identical to the source's, and the
// picture and the sound stay in step to the millisecond.
func TestSmartRender(t *testing.T) {
	cases := []struct {
		clip  string
		mode  string // badge mode
		slate bool
		sound bool // the sound after the notice is copied, not re-encoded
	}{
		{"h264.mp4", labeler.BadgeStart, false, true},
		{"h264-bframes.mov", labeler.BadgeStart, true, true},
		{"hevc.mov", labeler.BadgeStart, false, true},
		{"vp9.webm", labeler.BadgeStart, false, true},
		{"subs.mkv", labeler.BadgeStart, true, true},
		{"h264.mp4", labeler.BadgeSlate, true, true},
	}
	for _, c := range cases {
		t.Run(c.clip+"/"+c.mode, func(t *testing.T) {
			in := smartClip(t, c.clip)
			spec := smartSpec()
			spec.Video.Slate, spec.Video.BadgeMode = c.slate, c.mode
			res := label(t, testKind(), in, spec)
			notes := strings.Join(res.Notes, "; ")
			if !strings.Contains(notes, "smart render: ") || strings.Contains(notes, "not used") {
				t.Fatalf("not rendered smartly: %s", notes)
			}
			if c.sound != strings.Contains(notes, "sound re-encoded for the first") {
				t.Errorf("sound copied after the notice: want %v; notes %s", c.sound, notes)
			}
			slate := 0
			if c.slate {
				slate = int(math.Ceil(spec.Video.SlateSeconds * smartRate))
			}
			checkSmart(t, in, res.Output, slate)
			lead := 0.0
			if c.slate {
				lead = spec.Video.SlateSeconds
			}
			// After the cut the frames are the source's own (checked
			// above): the badge is gone by then.
			drawn := spec // where Auto put it: top-right over subtitles
			drawn.Position = spec.Position.Resolve(strings.HasPrefix(c.clip, "subs"))
			assertBadge(t, in, res.Output, drawn, 1, 1+lead, c.mode == labeler.BadgeStart)
			checkSubtitles(t, in, res.Output, lead)
			checkChaptersAndTags(t, in, res.Output, lead)
		})
	}
}

// checkSmart runs the readers' checks on a smartly rendered output.
func checkSmart(t *testing.T, in, out string, slateFrames int) {
	t.Helper()
	if msg := decodeErrors(t, out); msg != "" {
		t.Errorf("ffmpeg decoding the output: %s", msg)
	}
	src, got := frameHashes(t, in), frameHashes(t, out)
	if len(got) != len(src)+slateFrames {
		t.Fatalf("%d frames, want %d (source) + %d (slate)", len(got), len(src), slateFrames)
	}
	if n := packetCount(t, out); n != len(got) {
		t.Errorf("%d video packets for %d frames", n, len(got))
	}
	same := 0
	for i := len(src) - 1; i >= 0 && src[i] == got[i+slateFrames]; i-- {
		same++
	}
	// The label lasts 2 s; with a key frame every second the cut is at
	// 2 s (or 3 s when rounding lands past it): at least 5 s are copied.
	if minSame := int(5 * smartRate); same < minSame {
		t.Errorf("only the last %d frames are identical to the source, want ≥ %d", same, minSame)
	}
	checkCopiedInStep(t, in, out, true)
	d := avOffset(t, out) - avOffset(t, in)
	t.Logf("A/V drift at %gs: %.2f ms", flashAt, d*1000)
	if math.Abs(d) > 0.005 {
		t.Errorf("picture and sound drifted %.1f ms apart by the end", d*1000)
	}
}

// realClips are the corpus's videos long enough for a start:2 label to
// leave something to copy: a thermal camera's VFR H.264 whose sound
// (44.1 kHz AAC) starts 0.19 s after the picture, and a phone MOV whose
// picture is its second stream, with rotation and metadata tracks.
var realClips = []struct {
	name  string
	sound bool // the sound is joined (the other's ends before the notice)
}{
	{"md-extractor-images_FLIR_Thermal.mp4", true},
	{"md-extractor-images_with-gps.mov", false},
}

// TestSmartRenderRealWorld holds real files from ../shared/realworld to
// the same readers as the fixtures.
func TestSmartRenderRealWorld(t *testing.T) {
	for _, c := range realClips {
		t.Run(c.name, func(t *testing.T) {
			in := filepath.Join("..", "..", "..", "shared", "realworld", "video", c.name)
			if _, err := os.Stat(in); err != nil {
				t.Skip("the real-world corpus is not here: ", err)
			}
			res := label(t, testKind(), in, smartSpec())
			notes := strings.Join(res.Notes, "; ")
			if !strings.Contains(notes, "smart render: re-encoded") {
				t.Fatalf("not rendered smartly: %s", notes)
			}
			// This camera's variable frame rate makes ffmpeg's null muxer
			// complain about the source too; frames pass through as they are.
			if msg := decodeErrors(t, res.Output, "-fps_mode", "passthrough", "-enc_time_base", "-1"); msg != "" {
				t.Errorf("ffmpeg decoding the output: %s", msg)
			}
			src, got := frameHashes(t, in), frameHashes(t, res.Output)
			if len(got) != len(src) || src[len(src)-1] != got[len(got)-1] {
				t.Errorf("%d frames, the source %d; last identical: %v", len(got), len(src), src[len(src)-1] == got[len(got)-1])
			}
			checkCopiedInStep(t, in, res.Output, c.sound)
			rot := mustProbe(t, in).rotation
			if got := mustProbe(t, res.Output).rotation; got != rot {
				t.Errorf("rotation %d, the source's %d", got, rot)
			}
		})
	}
}

// TestSmartRenderSkippedWhenTheLabelOutlastsTheVideo: a badge for the
// first 5 s of a 3 s clip leaves nothing to copy, so the clip is
// re-encoded whole without looking for a cut (which reads the stream's
// packets), and the note says why.
func TestSmartRenderSkippedWhenTheLabelOutlastsTheVideo(t *testing.T) {
	in := clip(t, "h264.mp4")
	spec := smartSpec()
	spec.Video.BadgeSeconds = 5
	res := label(t, testKind(), in, spec)
	if notes := strings.Join(res.Notes, "; "); !strings.Contains(notes, "smart render not used ("+coversAll+")") {
		t.Errorf("notes %s", notes)
	}
}

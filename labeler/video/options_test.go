package video

import (
	"cmp"
	"context"
	"encoding/binary"
	"errors"
	"image"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/internal/loudness"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/audio"
	"github.com/belgi-kz/belgi/labeler/kindtest"
)

// TestBadgeStart: in start:N mode the badge shows for N seconds only.
func TestBadgeStart(t *testing.T) {
	in := clip(t, "h264.mp4")
	spec := testSpec()
	spec.Video.Spoken = false
	spec.Video.BadgeMode, spec.Video.BadgeSeconds = labeler.BadgeStart, 2
	res := label(t, testKind(), in, spec)
	assertBadge(t, in, res.Output, spec, 1, 1, true)
	assertBadge(t, in, res.Output, spec, 2.6, 2.6, false)
}

// TestSlate: the slate comes first, the programme follows unchanged in
// length, and the notice plays over the slate.
func TestSlate(t *testing.T) {
	in := clip(t, "rot90.mp4")
	spec := testSpec()
	spec.Video.Slate, spec.Video.SlateSeconds = true, 2
	res := label(t, testKind(), in, spec)
	src, out := mustProbe(t, in), mustProbe(t, res.Output)
	if d := out.duration.Seconds() - src.duration.Seconds(); math.Abs(d-2) > 0.1 {
		t.Errorf("slate added %.2fs, want 2s", d)
	}
	if out.rotation != src.rotation {
		t.Errorf("rotation %d, want %d", out.rotation, src.rotation)
	}
	card := frame(t, res.Output, 1)
	if w, h := card.Rect.Dx(), card.Rect.Dy(); w != 240 || h != 320 {
		t.Errorf("slate shown %d×%d, want upright 240×320", w, h)
	}
	if m := meanLuma(card); m > 80 {
		t.Errorf("frame at 1s has mean luma %.0f: not the dark slate", m)
	}
	assertBadge(t, in, res.Output, spec, 1, 3, true)
	if on, off := tone(t, res.Output, 1000, 0.2, 0.6), tone(t, res.Output, 1000, 3, 1); on-off < 20 {
		t.Errorf("notice not over the slate: 1 kHz at %.0f dB during, %.0f dB after", on, off)
	}
}

// meanLuma is the mean of (R+G+B)/3 over the frame.
func meanLuma(img *image.RGBA) float64 {
	sum := 0.0
	for i := 0; i < len(img.Pix); i += 4 {
		sum += float64(img.Pix[i]) + float64(img.Pix[i+1]) + float64(img.Pix[i+2])
	}
	return sum / 3 / float64(len(img.Pix)/4)
}

// TestSpokenDucks: the notice is mixed at the start and the programme
// is lowered under it, then restored.
func TestSpokenDucks(t *testing.T) {
	in := clip(t, "h264.mp4")
	spec := testSpec()
	res := label(t, testKind(), in, spec)
	notice := tone(t, res.Output, 1000, 0.2, 0.6)
	ducked := tone(t, res.Output, 440, 0.2, 0.6)
	after := tone(t, res.Output, 440, 2, 0.8)
	source := tone(t, in, 440, 2, 0.8)
	if notice-tone(t, in, 1000, 0.2, 0.6) < 20 {
		t.Errorf("no notice in the first second (1 kHz at %.0f dB)", notice)
	}
	if d := after - ducked; math.Abs(d-spec.Video.Duck) > 3 {
		t.Errorf("programme ducked by %.1f dB, want %.0f", d, spec.Video.Duck)
	}
	if math.Abs(after-source) > 1.5 {
		t.Errorf("programme after the notice at %.1f dB, source %.1f dB", after, source)
	}
}

// TestSilentNoticeTrack: a video without sound gets a notice-only track
// when asked, and keeps having none otherwise.
func TestSilentNoticeTrack(t *testing.T) {
	in := clip(t, "silent.mp4")
	spec := testSpec()
	spec.Video.NoticeTrackWhenSilent = true
	res := label(t, testKind(), in, spec)
	out := mustProbe(t, res.Output)
	if got := streamTypes(out); got != "va" {
		t.Fatalf("streams %q, want a video and the notice track", got)
	}
	if d := math.Abs(out.duration.Seconds() - 3); d > 0.1 {
		t.Errorf("duration %s, want 3s", out.duration)
	}
	if tone(t, res.Output, 1000, 0.2, 0.6) < -30 {
		t.Error("the notice track is silent")
	}
}

// TestAudioKindNotice: with the audio kind's notice injected, as
// labeler/kinds does, a video carries the real spoken notice at the
// loudness audio.Target picks — the default beside a silent programme,
// the spec's own when set — and without it the video is still labeled,
// with a note saying the notice was left out.
func TestAudioKindNotice(t *testing.T) {
	in := clip(t, "silent.mp4")
	spec := testSpec()
	spec.Langs = []labeler.Lang{labeler.English}
	spec.Video.NoticeTrackWhenSilent = true
	for _, target := range []float64{0, -30} {
		spec.Audio.TargetLUFS = target
		res := label(t, New(WithNotice(audio.NoticeBeside)), in, spec)
		if !slices.Contains(res.Layers, labeler.LayerSpoken) {
			t.Fatalf("layers %v, notes %v: no spoken notice", res.Layers, res.Notes)
		}
		want := cmp.Or(target, audio.DefaultLUFS)
		got := trackLoudness(t, res.Output)
		t.Logf("TargetLUFS %v: %.2f LUFS", target, got)
		if math.Abs(got-want) > 2 {
			t.Errorf("TargetLUFS %v: the notice track is at %.1f LUFS, want %.0f", target, got, want)
		}
	}
	res := label(t, New(), in, spec)
	if slices.Contains(res.Layers, labeler.LayerSpoken) || !strings.Contains(strings.Join(res.Notes, "|"), "spoken notice left out") {
		t.Errorf("without a notice source: layers %v, notes %v", res.Layers, res.Notes)
	}
}

// trackLoudness measures the integrated loudness of a file's first sound
// track, decoded by ffmpeg.
func trackLoudness(t *testing.T, path string) float64 {
	t.Helper()
	out, err := ffmpeg.Run(context.Background(), "ffmpeg", "-v", "error", "-i", path,
		"-map", "0:a:0", "-ac", "1", "-ar", "48000", "-f", "f32le", "-")
	if err != nil {
		t.Fatal(err)
	}
	samples := make([]float32, len(out)/4)
	for i := range samples {
		samples[i] = math.Float32frombits(binary.LittleEndian.Uint32(out[4*i:]))
	}
	return loudness.Integrated(samples, 48000, 1)
}

// TestConformance runs the shared suite: good clips are labeled with
// both layers, bad files (truncated, not a video) fail cleanly.
func TestConformance(t *testing.T) {
	good, err := os.ReadFile(clip(t, "h264.mp4"))
	if err != nil {
		t.Fatal(err)
	}
	webm, _ := os.ReadFile(clip(t, "vp9.webm"))
	spec := testSpec()
	spec.Video.Spoken = false
	layers := []string{labeler.LayerVisible, labeler.LayerXMP}
	kindtest.Run(t, testKind(), spec, []kindtest.Fixture{
		{Name: "good.mp4", Data: good, Layers: layers},
		{Name: "good.webm", Data: webm, Layers: layers},
		{Name: "-dash.mp4", Data: good, Layers: layers},
		{Name: "truncated.mp4", Data: good[:len(good)/2], Bad: true},
		{Name: "truncated.webm", Data: webm[:len(webm)/3], Bad: true},
		{Name: "notes.mp4", Data: []byte("meeting notes, not a video\n"), Bad: true},
		{Name: "empty.mkv", Data: nil, Bad: true},
	})
}

// TestCancel: cancelling mid-encode kills ffmpeg and leaves nothing.
func TestCancel(t *testing.T) {
	in := clip(t, "h264.mp4")
	spec := testSpec()
	spec.Video.Preset = "veryslow"
	spec.Out.Dir = t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	var once sync.Once
	res := labeler.NewRegistry(testKind()).Process(ctx, spec, labeler.Input{Path: in}, func(f float64) {
		if f > encodeFrom {
			once.Do(cancel)
		}
	})
	cancel()
	if res.Status != labeler.StatusError || !errors.Is(res.Err, context.Canceled) {
		t.Fatalf("status %s err %v, want cancelled", res.Status, res.Err)
	}
	left, _ := filepath.Glob(filepath.Join(spec.Out.Dir, "*"))
	hidden, _ := filepath.Glob(filepath.Join(spec.Out.Dir, ".*"))
	if len(left)+len(hidden) > 0 {
		t.Errorf("left behind: %v %v", left, hidden)
	}
}

// TestProgress: fractions rise steadily through the encode.
func TestProgress(t *testing.T) {
	in := clip(t, "h264.mp4")
	spec := testSpec()
	spec.Video.Spoken = false
	spec.Out.Dir = t.TempDir()
	var mu sync.Mutex
	var got []float64
	res := labeler.NewRegistry(testKind()).Process(context.Background(), spec, labeler.Input{Path: in}, func(f float64) {
		mu.Lock()
		got = append(got, f)
		mu.Unlock()
	})
	if res.Status != labeler.StatusOK {
		t.Fatal(res.Err)
	}
	mid := 0
	for i, f := range got {
		if i > 0 && f < got[i-1] {
			t.Errorf("progress went back: %v", got)
		}
		if f > encodeFrom && f < encodeTo {
			mid++
		}
	}
	if mid == 0 || got[len(got)-1] != 1 {
		t.Errorf("progress %v: nothing reported during the encode", got)
	}
}

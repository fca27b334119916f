package ui

import (
	"bytes"
	"image"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/belgi-kz/belgi/internal/pcm"
	"github.com/belgi-kz/belgi/internal/wav"
	"github.com/belgi-kz/belgi/ui/player"
)

// writeTone writes a WAV of a quiet tone, seconds long.
func writeTone(t testing.TB, dir, name string, seconds float64) string {
	t.Helper()
	p := pcm.New(44100, 2, int(seconds*44100))
	for i := range p.Samples {
		p.Samples[i] = float32(0.2 * math.Sin(2*math.Pi*440*float64(i/2)/44100))
	}
	var b bytes.Buffer
	if err := wav.Write(&b, wav.PCM16(44100, 2), p); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// writeClip makes a 2 s test-pattern video with ffmpeg.
func writeClip(t testing.TB, dir string) string {
	t.Helper()
	if _, err := exec.LookPath("ffmpeg"); err != nil {
		t.Skip("ffmpeg is not installed")
	}
	path := filepath.Join(dir, "pattern.mp4")
	cmd := exec.Command("ffmpeg", "-hide_banner", "-v", "error", "-f", "lavfi", "-i", "testsrc=duration=2:size=320x240:rate=25",
		"-c:v", "libx264", "-pix_fmt", "yuv420p", path)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("ffmpeg: %v\n%s", err, out)
	}
	return path
}

// TestAudioPlayWithoutDeviceSaysSo runs where CI runs, with no sound
// card: Play must end, quickly, in one plain sentence, never a hang.
func TestAudioPlayWithoutDeviceSaysSo(t *testing.T) {
	if player.Probe() == nil {
		t.Skip("this machine has an audio output; the no-device message can't be tested here")
	}
	u, l := newTestUI(t)
	addAndWait(t, u, l, 1, writeTone(t, t.TempDir(), "tone.wav", 3))
	l.until(t, "the waveform", func() bool { return u.preview.audio.sound != nil })
	a := u.preview.audio
	if !a.box.Visible() || a.play.Disabled() || a.notice.Disabled() {
		t.Fatal("an audio file should show enabled play controls")
	}
	if u.preview.video.box.Visible() {
		t.Error("the video slider should not show for audio")
	}
	if !u.preview.image.Visible() || u.preview.image.Image == nil {
		t.Error("the waveform should show")
	}
	for _, b := range []struct {
		name string
		tap  func()
	}{{"labeled", func() { test.Tap(a.play) }}, {"notice", func() { test.Tap(a.notice) }}} {
		u.bar.idle("")
		start := time.Now()
		b.tap()
		l.within(t, 10*time.Second, "the no-device message after Play "+b.name, func() bool {
			return strings.Contains(u.bar.message.Text, "No audio output device")
		})
		t.Logf("play %s: no-device message after %v", b.name, time.Since(start).Round(time.Millisecond))
		if !a.stopBtn.Disabled() {
			t.Error("Stop should be disabled once playback has ended")
		}
	}
}

// TestAudioStopsOnSelection: choosing another file or changing a
// setting stops what plays.
func TestAudioStopsOnSelection(t *testing.T) {
	u, l := newTestUI(t)
	dir := t.TempDir()
	addAndWait(t, u, l, 2, writeTone(t, dir, "a.wav", 2), writePhoto(t, dir, "b.jpg", 320, 200, 1))
	l.until(t, "the waveform", func() bool { return u.preview.audio.sound != nil })
	a := u.preview.audio
	a.playLabeled()
	run := a.run
	u.settings.size.SetValue(8)
	if a.run == run || a.cancel != nil {
		t.Error("changing a setting should stop playback")
	}
	l.until(t, "the waveform again", func() bool { return a.sound != nil })
	a.playLabeled()
	u.files.Select(1)
	if a.cancel != nil || a.box.Visible() {
		t.Error("selecting a picture should stop playback and hide the player")
	}
}

func TestVideoSliderChangesPreview(t *testing.T) {
	u, l := newTestUI(t)
	addAndWait(t, u, l, 1, writeClip(t, t.TempDir()))
	v := u.preview.video
	l.until(t, "the video's duration", func() bool { return v.dur > 0 && u.preview.image.Image != nil })
	if !v.box.Visible() || v.slider.Disabled() {
		t.Fatal("a video should show an enabled time slider")
	}
	if v.dur < 1900*time.Millisecond || v.dur > 2100*time.Millisecond || v.slider.Max < 1.9 {
		t.Errorf("duration %v, slider max %g; want about 2 s", v.dur, v.slider.Max)
	}
	if u.preview.audio.box.Visible() {
		t.Error("the player should not show for video")
	}
	first := shown(t, u, l)
	for _, s := range []float64{0.3, 0.9, 1.5} { // a drag: only the last is needed
		v.slider.SetValue(s)
	}
	if !strings.HasPrefix(v.clock.Text, "0:01.5") {
		t.Errorf("time label %q, want 0:01.5 / …", v.clock.Text)
	}
	l.until(t, "the frame at 1.5 s", func() bool {
		return u.preview.image.Image != nil && differ(first, u.preview.image.Image.(*image.RGBA), first.Rect) > 0
	})
	if v.slate.Visible() {
		t.Error("the slate toggle should hide while the settings ask for no slate")
	}
}

// TestVideoExportShowsRowPercent: a video takes long enough to encode
// that its row must show how far it is, from the batch's events.
func TestVideoExportShowsRowPercent(t *testing.T) {
	u, l := newTestUI(t)
	addAndWait(t, u, l, 1, writeClip(t, t.TempDir()))
	u.settings.setOutDir(t.TempDir())
	u.export()
	f := u.files.items[0]
	var seen []string
	l.until(t, "the summary", func() bool {
		if f.status == statusWorking {
			seen = append(seen, u.files.statusText(f))
		}
		return u.summary != nil
	})
	if f.status != statusLabeled {
		t.Fatalf("row status %d (%s), want labeled", f.status, f.reason)
	}
	if len(seen) == 0 || !strings.HasSuffix(seen[len(seen)-1], "%") {
		t.Fatalf("the row never showed a percentage while labeling: %q", seen)
	}
	t.Logf("row texts: %q", seen)
}

func TestPlayheadFollowsPlayback(t *testing.T) {
	u, l := newTestUI(t)
	addAndWait(t, u, l, 1, writeTone(t, t.TempDir(), "tone.wav", 3))
	l.until(t, "the waveform", func() bool { return u.preview.audio.sound != nil })
	a, h := u.preview.audio, u.preview.audio.head
	u.preview.body.Resize(fyne.NewSize(800, 400))
	a.start(a.sound.Notice) // ends at once here, but the run is current until then
	total := a.sound.PCM.Duration()
	a.progress(a.run, total/2, total)
	pos, drawn := containRect(u.preview.image, h.obj.Size())
	if !h.line.Visible() {
		t.Fatal("the playhead should show while playing")
	}
	if x := h.line.Position().X + 1; math.Abs(float64(x-pos.X-drawn.Width/2)) > 2 {
		t.Errorf("playhead at x=%v, want the middle of the waveform (%v)", x, pos.X+drawn.Width/2)
	}
	a.stop()
	if h.line.Visible() {
		t.Error("Stop should hide the playhead")
	}
}

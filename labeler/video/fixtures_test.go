package video

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/labeler/kindtest"
)

// Test clips are generated once per test binary from ffmpeg's testsrc
// and sine sources: tiny (320×240, 3 s) so the suite stays fast.
var clips = struct {
	once sync.Once
	dir  string
	mu   sync.Mutex
	made map[string]error
}{made: map[string]error{}}

func TestMain(m *testing.M) {
	code := kindtest.RunIsolated(m) // the encoder cache goes to a temporary home
	if clips.dir != "" {
		os.RemoveAll(clips.dir)
	}
	os.Exit(code)
}

// clipArgs builds each fixture: ffmpeg arguments after the inputs, with
// OUT standing for the output path. The video source is input 0 and the
// tone input 1.
var clipArgs = map[string][]string{
	"h264.mp4":   {"-map", "0:v", "-map", "1:a", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "96k"},
	"vp9.webm":   {"-map", "0:v", "-map", "1:a", "-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "300k", "-pix_fmt", "yuv420p", "-c:a", "libopus"},
	"hevc.mp4":   {"-map", "0:v", "-map", "1:a", "-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error", "-pix_fmt", "yuv420p", "-c:a", "aac"},
	"silent.mp4": {"-map", "0:v", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"},
	"wide.mkv":   {"-map", "0:v", "-map", "1:a", "-vf", "setsar=2/1", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"},
	"mpeg4.avi":  {"-map", "0:v", "-map", "1:a", "-c:v", "mpeg4", "-q:v", "3", "-c:a", "libmp3lame"},
	// HDR as phones (HLG) and HDR10 masters (PQ) tag it.
	"hlg.mp4": {"-map", "0:v", "-map", "1:a", "-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error",
		"-pix_fmt", "yuv420p10le", "-color_primaries", "bt2020", "-color_trc", "arib-std-b67", "-colorspace", "bt2020nc", "-c:a", "aac"},
	"pq.mkv": {"-map", "0:v", "-map", "1:a", "-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error",
		"-pix_fmt", "yuv420p10le", "-color_primaries", "bt2020", "-color_trc", "smpte2084", "-colorspace", "bt2020nc", "-c:a", "aac"},
}

// clip returns the path of a generated fixture, skipping the test only
// when ffmpeg is not installed.
func clip(t testing.TB, name string) string {
	t.Helper()
	if _, err := ffmpeg.Find("ffmpeg"); err != nil {
		t.Skip("ffmpeg is not installed: ", err)
	}
	clips.once.Do(func() {
		d, err := os.MkdirTemp("", "belgi-video-clips-")
		if err != nil {
			panic(err)
		}
		clips.dir = d
	})
	clips.mu.Lock()
	defer clips.mu.Unlock()
	path := filepath.Join(clips.dir, name)
	err, done := clips.made[name]
	if !done {
		err = makeClip(name, path)
		clips.made[name] = err
	}
	if err != nil {
		t.Fatalf("making %s: %v", name, err)
	}
	return path
}

func makeClip(name, path string) error {
	switch name {
	case "subs.mkv":
		return makeSubsClip(path)
	case "rot90.mp4", "rot270.mov":
		return makeRotated(name, path)
	}
	extra, ok := clipArgs[name]
	if !ok {
		return errors.New("no such fixture")
	}
	args := append(sources(), extra...)
	_, err := ffmpeg.Run(context.Background(), "ffmpeg", append(args, "-t", "3", "-y", path)...)
	return err
}

func sources() []string {
	return []string{"-hide_banner", "-v", "error",
		"-f", "lavfi", "-i", "testsrc=size=320x240:rate=25",
		"-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000"}
}

// makeRotated stores a landscape clip with rotation metadata, as phones
// store portrait video. ffmpeg 5.1 honours the "rotate" tag only when
// copying, so the clip is encoded first and tagged in a second pass.
func makeRotated(name, path string) error {
	base := path + ".base.mp4"
	if err := makeClip("h264.mp4", base); err != nil {
		return err
	}
	rot := map[string]string{"rot90.mp4": "90", "rot270.mov": "270"}[name]
	_, err := ffmpeg.Run(context.Background(), "ffmpeg", "-v", "error", "-i", base, "-c", "copy",
		"-metadata:s:v:0", "rotate="+rot, "-y", path)
	return err
}

// makeSubsClip is an MKV with a subtitle stream and two chapters.
func makeSubsClip(path string) error {
	dir := filepath.Dir(path)
	srt := filepath.Join(dir, "subs.srt")
	meta := filepath.Join(dir, "chapters.txt")
	if err := os.WriteFile(srt, []byte("1\n00:00:00,500 --> 00:00:02,000\nСәлем\n"), 0o644); err != nil {
		return err
	}
	chapters := ";FFMETADATA1\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=1500\ntitle=One\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=1500\nEND=3000\ntitle=Two\n"
	if err := os.WriteFile(meta, []byte(chapters), 0o644); err != nil {
		return err
	}
	args := append(sources(), "-i", srt, "-i", meta, "-map", "0:v", "-map", "1:a", "-map", "2:s",
		"-map_chapters", "3", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
		"-c:a", "aac", "-c:s", "srt", "-t", "3", "-y", path)
	_, err := ffmpeg.Run(context.Background(), "ffmpeg", args...)
	return err
}

// sineNotice is a NoticeSource for tests: one second of a 1 kHz tone,
// told apart from the clips' 440 Hz programme by frequency.
func sineNotice(ctx context.Context, w interface{ Write([]byte) (int, error) }, rate, channels int) error {
	out, err := ffmpeg.Run(ctx, "ffmpeg", "-hide_banner", "-v", "error",
		"-f", "lavfi", "-i", fmt.Sprintf("sine=frequency=1000:sample_rate=%d:duration=1", rate),
		"-ac", fmt.Sprint(channels), "-c:a", "pcm_s16le", "-f", "wav", "-")
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

package ffmpeg

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestProgressWriter(t *testing.T) {
	cases := []struct {
		name  string
		total time.Duration
		in    []string // written in these pieces
		want  []float64
	}{
		{"halves", 2 * time.Second, []string{"frame=1\nout_time_us=1000000\n", "out_time_us=2000000\nprogress=end\n"}, []float64{0.5, 1}},
		{"split lines", 4 * time.Second, []string{"out_time", "_us=1000000\nout_time_us=", "3000000\n"}, []float64{0.25, 0.75}},
		{"never back", time.Second, []string{"out_time_us=800000\nout_time_us=400000\n"}, []float64{0.8}},
		{"N/A and negatives", time.Second, []string{"out_time_us=N/A\nout_time_us=-5\n"}, nil},
		{"unknown total", 0, []string{"out_time_us=5\nprogress=end\n"}, []float64{1}},
		{"clamped", time.Second, []string{"out_time_us=3000000\n"}, []float64{1}},
	}
	for _, c := range cases {
		var got []float64
		p := &progressWriter{total: c.total, report: func(f float64) { got = append(got, f) }}
		for _, piece := range c.in {
			p.Write([]byte(piece))
		}
		if len(got) != len(c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%s: %v, want %v", c.name, got, c.want)
			}
		}
	}
}

func TestParseEncoders(t *testing.T) {
	out := "Encoders:\n V..... = Video\n ------\n V....D libx264   libx264 H.264\n A..... aac    AAC\n"
	list := parseEncoders(out)
	if !list["libx264"] || !list["aac"] || list["Video"] {
		t.Errorf("parsed %v", list)
	}
	help := "Encoder libx264 [libx264 H.264]:\n    Supported pixel formats: yuv420p yuv444p nv12\n"
	if got := strings.Join(parsePixFmts(help), ","); got != "yuv420p,yuv444p,nv12" {
		t.Errorf("pixel formats %q", got)
	}
}

func TestRunProgressErrorsAndMissing(t *testing.T) {
	if _, err := Find("ffmpeg"); err != nil {
		t.Skip("ffmpeg is not installed")
	}
	err := RunProgress(context.Background(), time.Second, nil, "-i", "/nonexistent/clip.mp4", "-f", "null", "-")
	if err == nil || !strings.Contains(err.Error(), "No such file") {
		t.Errorf("error %v should carry ffmpeg's stderr", err)
	}
	old := Paths["ffmpeg"]
	Paths["ffmpeg"] = "/nonexistent/ffmpeg"
	defer func() { Paths["ffmpeg"] = old }()
	if err := RunProgress(context.Background(), 0, nil, "-version"); !errors.Is(err, ErrMissing) {
		t.Errorf("missing ffmpeg gave %v", err)
	}
}

// TestRunProgressFed: the main run reads what the feed writes while it
// writes it; a feed that fails is named as the cause; a main run that
// fails stops the feed (a feed of an hour of sound would otherwise
// block on the full pipe for good); a main run that ends before its
// input did is an error too.
func TestRunProgressFed(t *testing.T) {
	if _, err := Find("ffmpeg"); err != nil {
		t.Skip("ffmpeg is not installed")
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	tone := func(secs string) []string {
		return []string{"-v", "error", "-f", "lavfi", "-i", "sine=f=440:d=" + secs, "-c:a", "flac", "-f", "matroska", "pipe:1"}
	}
	out := filepath.Join(t.TempDir(), "out.wav")
	if err := RunProgressFed(ctx, tone("3"), 0, nil, "-v", "error", "-f", "matroska", "-i", "pipe:0", "-y", out); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(out); err != nil || st.Size() < 3*44100*2 {
		t.Fatalf("the main run's output: %v, %v", st, err)
	}

	err := RunProgressFed(ctx, []string{"-v", "error", "-i", "/nonexistent/sound.wav", "-f", "matroska", "pipe:1"}, 0, nil,
		"-v", "error", "-f", "matroska", "-i", "pipe:0", "-y", out)
	if !errors.Is(err, ErrFeed) || !strings.Contains(err.Error(), "No such file") {
		t.Errorf("a failed feed gave %v", err)
	}

	start := time.Now()
	err = RunProgressFed(ctx, tone("3600"), 0, nil, "-v", "error", "-f", "matroska", "-i", "pipe:0", "-c:a", "nonexistent-codec", "-y", out)
	if err == nil || errors.Is(err, ErrFeed) || time.Since(start) > 20*time.Second {
		t.Errorf("a failed main run gave %v after %v", err, time.Since(start))
	}

	err = RunProgressFed(ctx, tone("3600"), 0, nil, "-v", "error", "-f", "matroska", "-i", "pipe:0", "-t", "1", "-y", out)
	if !errors.Is(err, ErrFeed) || ctx.Err() != nil {
		t.Errorf("a main run that stopped reading gave %v", err)
	}
}

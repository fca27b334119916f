package ffmpeg

import (
	"context"
	"errors"
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

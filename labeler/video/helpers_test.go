package video

import (
	"context"
	"encoding/binary"
	"fmt"
	"image"
	"io"
	"math"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/render"
)

// testSpec is the default spec, fast to encode, with the test notice.
func testSpec() labeler.Spec {
	s := labeler.DefaultSpec()
	s.Video.Preset = "ultrafast"
	return s
}

// testKind speaks the 1 kHz test notice instead of espeak-ng.
func testKind() Kind {
	return New(WithNotice(func(ctx context.Context, w io.Writer, _ labeler.Spec, rate, channels int, _ float64) error {
		return sineNotice(ctx, w, rate, channels)
	}))
}

// label runs a clip through the real core into a fresh folder.
func label(t *testing.T, k Kind, in string, spec labeler.Spec) labeler.Result {
	t.Helper()
	spec.Out.Dir = t.TempDir()
	res := labeler.NewRegistry(k).Process(context.Background(), spec, labeler.Input{Path: in}, nil)
	if res.Status != labeler.StatusOK {
		t.Fatalf("label %s: %s %v", filepath.Base(in), res.Status, res.Err)
	}
	return res
}

func mustProbe(t *testing.T, path string) *source {
	t.Helper()
	s, err := probe(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// frame is the displayed frame at sec, full size.
func frame(t *testing.T, path string, sec float64) *image.RGBA {
	t.Helper()
	s := mustProbe(t, path)
	img, err := displayedFrame(context.Background(), path, s, time.Duration(sec*float64(time.Second)), 0)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// meanDiff is the mean absolute difference of two frames inside r.
func meanDiff(a, b *image.RGBA, r image.Rectangle) float64 {
	r = r.Intersect(a.Rect).Intersect(b.Rect)
	sum, n := 0.0, 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			pa, pb := a.Pix[a.PixOffset(x, y):], b.Pix[b.PixOffset(x, y):]
			for c := range 3 {
				sum += math.Abs(float64(pa[c]) - float64(pb[c]))
			}
			n += 3
		}
	}
	return sum / float64(max(n, 1))
}

// badgeRect is where the label must be in the displayed frame.
func badgeRect(t *testing.T, spec labeler.Spec, w, h int) image.Rectangle {
	t.Helper()
	l, err := render.Plan(spec, w, h)
	if err != nil {
		t.Fatal(err)
	}
	return l.Rect
}

// assertBadge checks that the output differs from the source inside the
// label's displayed rectangle and nowhere far from it.
func assertBadge(t *testing.T, in, out string, spec labeler.Spec, atIn, atOut float64, want bool) {
	t.Helper()
	a, b := frame(t, in, atIn), frame(t, out, atOut)
	w, h := a.Rect.Dx(), a.Rect.Dy()
	r := badgeRect(t, spec, w, h)
	inside := meanDiff(a, b, r)
	// The corner diagonally opposite the label must be untouched.
	far := meanDiff(a, b, image.Rect(0, 0, w-r.Max.X+r.Min.X, h-r.Max.Y+r.Min.Y).Intersect(image.Rect(0, 0, w/3, h/3)))
	if want && inside < 20 {
		t.Errorf("at %.1fs the label's region %v barely changed (mean diff %.1f)", atOut, r, inside)
	}
	if !want && inside > 6 {
		t.Errorf("at %.1fs the label's region %v changed (mean diff %.1f), want no label", atOut, r, inside)
	}
	if far > 6 {
		t.Errorf("at %.1fs the far corner changed (mean diff %.1f): the label is misplaced or quality suffered", atOut, far)
	}
}

// tone measures the power of freq Hz in the first sound track between
// from and from+dur seconds (Goertzel), in dB.
func tone(t *testing.T, path string, freq, from, dur float64) float64 {
	t.Helper()
	out, err := ffmpeg.Run(context.Background(), "ffmpeg", "-v", "error", "-ss", fmt.Sprint(from), "-t", fmt.Sprint(dur),
		"-i", path, "-map", "0:a:0", "-ac", "1", "-ar", "48000", "-f", "s16le", "-")
	if err != nil {
		t.Fatal(err)
	}
	k := 2 * math.Cos(2*math.Pi*freq/48000)
	var s1, s2 float64
	n := len(out) / 2
	for i := range n {
		x := float64(int16(binary.LittleEndian.Uint16(out[2*i:]))) / 32768
		s1, s2 = x+k*s1-s2, s1
	}
	p := s1*s1 + s2*s2 - k*s1*s2
	return 10 * math.Log10(p/float64(max(n, 1))+1e-12)
}

func streamTypes(s *source) string {
	var b strings.Builder
	for _, st := range s.info.Streams {
		b.WriteString(st.CodecType[:1])
	}
	return b.String()
}

func haveExiftool(t *testing.T) bool {
	_, err := exec.LookPath("exiftool")
	return err == nil
}

func exiftool(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("exiftool", "-s3", "-XMP-iptcExt:DigitalSourceType", path).Output()
	if err != nil {
		t.Fatalf("exiftool: %v", err)
	}
	return strings.TrimSpace(string(out))
}

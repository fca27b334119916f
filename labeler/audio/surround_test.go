package audio

import (
	"context"
	"math"
	"os/exec"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/belgi-kz/belgi/labeler"
)

// TestSurroundReencodedWholeFrames: a 5.1 programme that is re-encoded
// (FLAC) goes through Belgi's own decoding, splicing and loudness meter,
// fed by ffmpeg through a pipe whose reads end anywhere, mid-frame too.
// Counting frames there once lost a frame's tail and shifted every later
// channel (the meter's reading changed from run to run) or, in the
// splicer, looped for ever. Labeling must end, keep every channel in its
// place, and measure what ffmpeg's own EBU R128 meter measures.
func TestSurroundReencodedWholeFrames(t *testing.T) {
	needTool(t, "ffmpeg")
	const rate, ch = 48000, 6
	dir := t.TempDir()
	in := encodeFixture(t, dir, "surround.flac", programme(rate, ch, 12), "-c:a", "flac")
	spec := labeler.DefaultSpec()
	done := make(chan labeler.Result, 1)
	go func() { done <- labelFile(t, in, spec) }()
	var res labeler.Result
	select {
	case res = <-done:
	case <-time.After(2 * time.Minute):
		t.Fatal("labeling a 12 s 5.1 FLAC did not end in 2 minutes")
	}
	src, out := decodeAll(t, in), decodeAll(t, res.Output)
	lead := noticeFrames(t, spec, rate, ch)
	lag, corr := bestLag(src, out, ch, ch, lead-100, lead+100)
	if corr < 0.9999 {
		t.Fatalf("programme found at frame %d (notice %d) with correlation %.5f only", lag, lead, corr)
	}
	// Every channel of the last seconds, where a shift would have piled up.
	from := len(src)/ch - 2*rate
	for c := range ch {
		if r := channelCorr(src, out, ch, c, from, lag, rate); r < 0.9999 {
			t.Errorf("channel %d: correlation %.5f with the source's, in the last seconds", c, r)
		}
	}
	if got, want := noteLUFS(t, res), ebur128(t, in); math.Abs(got-want) > 0.15 {
		t.Errorf("notice matched to %.1f LUFS; ffmpeg's ebur128 measures the programme at %.1f", got, want)
	}
	checkStream(t, res.Output, rate, ch)
}

// channelCorr correlates channel c of src from frame from on, for n
// frames, with the same channel of out lag frames later.
func channelCorr(src, out []float32, ch, c, from, lag, n int) float64 {
	var xy, xx, yy float64
	for i := from; i < from+n && (i+lag)*ch+c < len(out) && i*ch+c < len(src); i++ {
		x, y := float64(src[i*ch+c]), float64(out[(i+lag)*ch+c])
		xy, xx, yy = xy+x*y, xx+x*x, yy+y*y
	}
	return xy / math.Sqrt(xx*yy+1e-20)
}

var lufsNote = regexp.MustCompile(`at (-?[0-9.]+) LUFS`)

// noteLUFS is the programme loudness the result's notes give.
func noteLUFS(t *testing.T, res labeler.Result) float64 {
	t.Helper()
	for _, n := range res.Notes {
		if m := lufsNote.FindStringSubmatch(n); m != nil {
			v, _ := strconv.ParseFloat(m[1], 64)
			return v
		}
	}
	t.Fatalf("no loudness in the notes %q", res.Notes)
	return 0
}

var integrated = regexp.MustCompile(`I:\s+(-?[0-9.]+) LUFS`)

// ebur128 is ffmpeg's integrated loudness of path.
func ebur128(t *testing.T, path string) float64 {
	t.Helper()
	out, err := exec.CommandContext(context.Background(), "ffmpeg", "-nostdin", "-hide_banner", "-i", path, "-af", "ebur128", "-f", "null", "-").CombinedOutput()
	m := integrated.FindAllSubmatch(out, -1)
	if err != nil || len(m) == 0 {
		t.Fatalf("ffmpeg ebur128: %v\n%s", err, out)
	}
	v, _ := strconv.ParseFloat(string(m[len(m)-1][1]), 64)
	return v
}

package audio

import (
	"bytes"
	"context"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/internal/pcm"
	"github.com/belgi-kz/belgi/internal/wav"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/kindtest"
)

// TestMain keeps what the kind writes in the user's folders (the
// encoder cache, the C2PA identity) in a temporary home.
func TestMain(m *testing.M) { kindtest.Main(m) }

func needTool(t testing.TB, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Skipf("%s is not installed", name)
	}
}

// programme is a test programme: a gliding tone plus noise, at about -20
// LUFS whatever the layout, different in every channel so channel order
// is checked too.
func programme(rate, channels int, seconds float64) *pcm.PCM {
	r := rand.New(rand.NewPCG(uint64(rate), uint64(channels)))
	amp := 0.2 / math.Sqrt(float64(channels))
	p := pcm.New(rate, channels, int(seconds*float64(rate)))
	for f := range p.Frames() {
		t := float64(f) / float64(rate)
		for c := range channels {
			freq := 220 * float64(c+1) * (1 + 0.1*t)
			p.Samples[f*channels+c] = float32(amp*math.Sin(2*math.Pi*freq*t) + amp*0.1*r.NormFloat64())
		}
	}
	return p
}

func writeWAV(t testing.TB, path string, f wav.Format, p *pcm.PCM) {
	t.Helper()
	var b bytes.Buffer
	if err := wav.Write(&b, f, p); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// encodeFixture writes a programme WAV and has ffmpeg encode it.
func encodeFixture(t testing.TB, dir, name string, p *pcm.PCM, args ...string) string {
	t.Helper()
	src := filepath.Join(dir, name+".src.wav")
	writeWAV(t, src, wav.NewFormat(wav.TagFloat, 32, p.Rate, p.Channels), p)
	out := filepath.Join(dir, name)
	cmd := exec.Command("ffmpeg", append(append([]string{"-v", "error", "-y", "-i", src}, args...), out)...)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("ffmpeg: %v\n%s", err, msg)
	}
	os.Remove(src)
	return out
}

// labelFile labels path with spec the way a batch does.
func labelFile(t testing.TB, path string, spec labeler.Spec) labeler.Result {
	t.Helper()
	spec.Out.Dir = filepath.Join(filepath.Dir(path), "out")
	res := labeler.NewRegistry(New()).Process(context.Background(), spec, labeler.Input{Path: path}, nil)
	if res.Status != labeler.StatusOK {
		t.Fatalf("labeling %s: %v %s", filepath.Base(path), res.Err, res.Reason)
	}
	return res
}

// decodeAll decodes a file with ffmpeg at its own rate and channels.
func decodeAll(t testing.TB, path string) []float32 {
	t.Helper()
	var out []float32
	err := ffmpeg.DecodePCM(context.Background(), path, 0, func(s []float32) error {
		out = append(out, s...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// noticeFrames is the length of the start block (notice + gap) for spec.
func noticeFrames(t testing.TB, spec labeler.Spec, rate, channels int) int {
	t.Helper()
	n, err := Notice(context.Background(), spec, rate, channels, -20)
	if err != nil {
		t.Fatal(err)
	}
	return block(n, slot{tail: true}, gapOf(spec.Audio)).Frames()
}

// bestLag finds where channel 0 of src best matches inside channel 0 of
// out, searching lags in [from, to], and the normalised correlation there.
func bestLag(src, out []float32, chS, chO, from, to int) (int, float64) {
	n := min(len(src)/chS, 3000)
	best, bestC := 0, -1.0
	for lag := max(0, from); lag <= to && (lag+n)*chO <= len(out); lag++ {
		var xy, xx, yy float64
		for i := range n {
			x, y := float64(src[i*chS]), float64(out[(lag+i)*chO])
			xy, xx, yy = xy+x*y, xx+x*x, yy+y*y
		}
		if c := xy / math.Sqrt(xx*yy+1e-20); c > bestC {
			best, bestC = lag, c
		}
	}
	return best, bestC
}

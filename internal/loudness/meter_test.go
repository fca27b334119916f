package loudness

import (
	"bytes"
	"encoding/binary"
	"math"
	"math/rand/v2"
	"os/exec"
	"regexp"
	"strconv"
	"testing"
)

// tone is a sine of peak level dbfs in the given channels (others silent).
func tone(rate, channels int, freq, dbfs, seconds float64, in ...int) []float32 {
	amp := math.Pow(10, dbfs/20)
	n := int(seconds * float64(rate))
	out := make([]float32, n*channels)
	for f := range n {
		v := float32(amp * math.Sin(2*math.Pi*freq*float64(f)/float64(rate)))
		for _, c := range in {
			out[f*channels+c] = v
		}
	}
	return out
}

func TestIntegratedReferenceTones(t *testing.T) {
	// EBU Tech 3341: a 1 kHz stereo sine at -23 dBFS reads -23 LUFS (the
	// K-weighting's +0.69 dB at 1 kHz cancels the -0.691 offset).
	for _, tc := range []struct {
		name     string
		rate, ch int
		dbfs     float64
		in       []int
		want     float64
	}{
		{"stereo 48k", 48000, 2, -23, []int{0, 1}, -23},
		{"stereo 44.1k", 44100, 2, -23, []int{0, 1}, -23},
		{"stereo 96k", 96000, 2, -33, []int{0, 1}, -33},
		{"stereo 8k", 8000, 2, -23, []int{0, 1}, -23},
		{"mono", 48000, 1, -20, []int{0}, -23.01},
		{"5.1 centre", 48000, 6, -20, []int{2}, -23.01},
		{"5.1 LFE ignored", 48000, 6, -20, []int{2, 3}, -23.01},
		{"5.1 surround +1.5 dB", 48000, 6, -20, []int{4}, -21.52},
	} {
		got := Integrated(tone(tc.rate, tc.ch, 1000, tc.dbfs, 5, tc.in...), tc.rate, tc.ch)
		if math.Abs(got-tc.want) > 0.1 {
			t.Errorf("%s: %.2f LUFS, want %.2f", tc.name, got, tc.want)
		}
	}
}

func TestGatingIgnoresSilence(t *testing.T) {
	loud := tone(48000, 2, 1000, -23, 5, 0, 1)
	padded := append(append(make([]float32, 48000*2*10), loud...), make([]float32, 48000*2*10)...)
	// Blocks straddling the tone's edges pass the relative gate and pull
	// the level down a little, as BS.1770 intends; ten seconds of silence
	// on each side, ungated, would pull it down by 6 LU.
	if got := Integrated(padded, 48000, 2); math.Abs(got+23) > 0.3 {
		t.Errorf("silence around the tone moved loudness to %.2f", got)
	}
	if got := Integrated(make([]float32, 48000*2), 48000, 2); !math.IsInf(got, -1) {
		t.Errorf("silence reads %.2f, want -Inf", got)
	}
}

// TestAgreesWithFFmpeg measures noise with both this meter and ffmpeg's
// ebur128 filter.
func TestAgreesWithFFmpeg(t *testing.T) {
	ff, err := exec.LookPath("ffmpeg")
	if err != nil {
		t.Skip("ffmpeg not installed")
	}
	r := rand.New(rand.NewPCG(1, 2))
	s := make([]float32, 44100*2*8)
	for i := range s {
		s[i] = float32(r.NormFloat64() * 0.05 * (1 + math.Sin(float64(i)/40000)))
	}
	var raw bytes.Buffer
	binary.Write(&raw, binary.LittleEndian, s)
	cmd := exec.Command(ff, "-nostats", "-f", "f32le", "-ar", "44100", "-ac", "2", "-i", "-", "-af", "ebur128", "-f", "null", "-")
	cmd.Stdin = &raw
	out, _ := cmd.CombinedOutput()
	m := regexp.MustCompile(`I:\s+(-?[\d.]+) LUFS`).FindAllSubmatch(out, -1)
	if len(m) == 0 {
		t.Fatalf("no loudness in ffmpeg output:\n%s", out)
	}
	want, _ := strconv.ParseFloat(string(m[len(m)-1][1]), 64)
	if got := Integrated(s, 44100, 2); math.Abs(got-want) > 0.15 {
		t.Errorf("meter %.2f LUFS, ffmpeg %.2f", got, want)
	}
}

func BenchmarkMeterOneMinuteStereo(b *testing.B) {
	s := tone(44100, 2, 440, -20, 60, 0, 1)
	b.SetBytes(int64(len(s) * 4))
	for b.Loop() {
		Integrated(s, 44100, 2)
	}
}

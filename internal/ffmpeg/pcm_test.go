package ffmpeg

import (
	"encoding/binary"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestFloatWriterGivesWholeFrames: however a pipe splits ffmpeg's bytes,
// the callback gets whole frames of the stream's channels, and all of
// them, in order.
func TestFloatWriterGivesWholeFrames(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, channels := range []int{1, 2, 3, 6, 8} {
		want := make([]float32, 1000*channels)
		var raw []byte
		for i := range want {
			want[i] = float32(i)
			raw = binary.LittleEndian.AppendUint32(raw, math.Float32bits(want[i]))
		}
		var got []float32
		w := &floatWriter{frame: 4 * channels, fn: func(s []float32) error {
			if len(s)%channels != 0 {
				t.Fatalf("%d channels: a chunk of %d samples", channels, len(s))
			}
			got = append(got, s...)
			return nil
		}}
		for p := raw; len(p) > 0; {
			n := min(len(p), 1+rng.IntN(97))
			if k, err := w.Write(p[:n]); err != nil || k != n {
				t.Fatalf("Write: %d, %v", k, err)
			}
			p = p[n:]
		}
		if !slices.Equal(got, want) {
			t.Errorf("%d channels: %d samples out of %d, or out of order", channels, len(got), len(want))
		}
	}
}

package ffmpeg

import (
	"context"
	"encoding/binary"
	"io"
	"math"
	"strconv"
)

// DecodeOptions change how Decode reads a file.
type DecodeOptions struct {
	// Limit > 0 stops after that many seconds.
	Limit float64
	// Rate > 0 resamples to that rate (DSD decodes at rates no PCM
	// format stores).
	Rate int
	// Strict makes any decoding error fatal: for reading back Belgi's
	// own outputs, which must decode cleanly to the end.
	Strict bool
	// Channels > 0 is the stream's channel count: fn then receives whole
	// frames only. A pipe read can end anywhere, mid-frame too, and a
	// consumer that counts frames would lose the rest of one and read
	// every later frame with its channels shifted.
	Channels int
}

// DecodePCM decodes the first audio stream of path and streams it to fn
// as interleaved float32 samples at the stream's own rate and channels
// (limit > 0 stops after that many seconds). Samples arrive in chunks of
// about 100 ms, which may end mid-frame (Decode with Channels gives
// whole frames); fn must not keep the slice.
func DecodePCM(ctx context.Context, path string, limit float64, fn func([]float32) error) error {
	return Decode(ctx, path, DecodeOptions{Limit: limit}, fn)
}

// Decode is DecodePCM with options.
func Decode(ctx context.Context, path string, o DecodeOptions, fn func([]float32) error) error {
	args := []string{"-nostdin", "-v", "error"}
	if o.Strict {
		args = append(args, "-xerror")
	}
	args = append(args, "-i", SafePath(path), "-map", "0:a:0", "-vn")
	if o.Limit > 0 {
		args = append(args, "-t", strconv.FormatFloat(o.Limit, 'f', 3, 64))
	}
	if o.Rate > 0 {
		args = append(args, "-ar", strconv.Itoa(o.Rate))
	}
	args = append(args, "-f", "f32le", "-acodec", "pcm_f32le", "-")
	return Pipe(ctx, nil, &floatWriter{fn: fn, frame: 4 * max(1, o.Channels)}, "ffmpeg", args...)
}

// floatWriter turns little-endian float32 bytes into samples, carrying a
// partial frame (frame bytes long) across writes.
type floatWriter struct {
	fn    func([]float32) error
	frame int
	rest  []byte
	buf   []float32
}

func (w *floatWriter) Write(p []byte) (int, error) {
	n := len(p)
	if len(w.rest) > 0 {
		p = append(w.rest, p...)
	}
	whole := len(p) / w.frame * w.frame
	w.buf = w.buf[:0]
	for i := 0; i < whole; i += 4 {
		w.buf = append(w.buf, math.Float32frombits(binary.LittleEndian.Uint32(p[i:])))
	}
	w.rest = append(w.rest[:0], p[whole:]...)
	if err := w.fn(w.buf); err != nil {
		return 0, err
	}
	return n, nil
}

var _ io.Writer = (*floatWriter)(nil)

package ffmpeg

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"strconv"
	"strings"
)

// Span is when a stream's packets begin and end, in seconds.
type Span struct {
	Start, End float64
}

// PacketSpans reads packets' timestamps (not their data) and returns
// each stream's span by index: of every packet, or of the first limit
// packets when limit > 0. It is for files whose headers misstate their
// length (a fragmented MP4 often says nothing, or "unknown" as a huge
// number), and for when streams really start: a header's start time may
// be its first key frame's, not its first packet's.
func PacketSpans(ctx context.Context, path string, limit int) (map[int]Span, error) {
	spans := map[int]Span{}
	w := &lineWriter{fn: func(l string) { addPacket(spans, l) }}
	args := []string{"-v", "error", "-show_entries", "packet=stream_index,pts_time,duration_time", "-of", "csv=p=0"}
	if limit > 0 {
		args = append(args, "-read_intervals", "%+#"+strconv.Itoa(limit))
	}
	err := Pipe(ctx, nil, w, "ffprobe", append(args, SafePath(path))...)
	w.flush()
	return spans, err
}

// addPacket takes one "index,pts,duration" line.
func addPacket(spans map[int]Span, l string) {
	f := strings.Split(strings.TrimSpace(l), ",")
	if len(f) < 2 {
		return
	}
	i, err := strconv.Atoi(f[0])
	pts, ok := Seconds(f[1])
	if err != nil || !ok {
		return
	}
	dur := 0.0
	if len(f) > 2 {
		dur, _ = Seconds(f[2])
	}
	s, seen := spans[i]
	if !seen || pts < s.Start {
		s.Start = pts
	}
	s.End = max(s.End, pts+dur)
	spans[i] = s
}

// lineWriter calls fn for each complete line written to it.
type lineWriter struct {
	fn  func(string)
	buf []byte
}

func (w *lineWriter) Write(p []byte) (int, error) {
	w.buf = append(w.buf, p...)
	r := bufio.NewReader(bytes.NewReader(w.buf))
	used := 0
	for {
		l, err := r.ReadString('\n')
		if err == io.EOF {
			break
		}
		used += len(l)
		w.fn(l)
	}
	w.buf = append(w.buf[:0], w.buf[used:]...)
	return len(p), nil
}

func (w *lineWriter) flush() {
	if len(w.buf) > 0 {
		w.fn(string(w.buf))
		w.buf = nil
	}
}

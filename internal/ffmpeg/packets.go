package ffmpeg

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Packet is one compressed frame as ffprobe lists it, in the stream's
// time base.
type Packet struct {
	PTS, DTS, Duration int64
	Key                bool
}

// Packets lists the packets of stream index (the file's numbering) whose
// time lies in [from, from+span) seconds of the file's clock, in file
// order. A packet without a time stamp is left out.
func Packets(ctx context.Context, path string, index int, from, span float64) ([]Packet, error) {
	interval := fmt.Sprintf("%.6f%%+%.6f", max(from, 0), span)
	out, err := Run(ctx, "ffprobe", "-v", "error", "-print_format", "json", "-select_streams", strconv.Itoa(index),
		"-read_intervals", interval, "-show_entries", "packet=pts,dts,duration,flags", SafePath(path))
	if err != nil {
		return nil, fmt.Errorf("probe: %w", err)
	}
	return parsePackets(out)
}

func parsePackets(out []byte) ([]Packet, error) {
	var v struct {
		Packets []struct {
			PTS, DTS, Duration *int64
			Flags              string
		}
	}
	if err := json.Unmarshal(out, &v); err != nil {
		return nil, fmt.Errorf("probe: unreadable packet list: %w", err)
	}
	var ps []Packet
	for _, p := range v.Packets {
		if p.PTS == nil {
			continue
		}
		pk := Packet{PTS: *p.PTS, DTS: *p.PTS, Key: strings.HasPrefix(p.Flags, "K")}
		if p.DTS != nil {
			pk.DTS = *p.DTS
		}
		if p.Duration != nil {
			pk.Duration = *p.Duration
		}
		ps = append(ps, pk)
	}
	return ps, nil
}

// PacketData returns the bytes of the first n packets of stream index
// from the key frame at or before at seconds, back to back, as the
// container stores them (length-prefixed NAL units for H.264 in MP4).
func PacketData(ctx context.Context, path string, index int, at float64, n int) ([]byte, error) {
	return Run(ctx, "ffmpeg", "-hide_banner", "-nostdin", "-v", "error", "-ss", fmt.Sprintf("%.6f", at),
		"-i", SafePath(path), "-map", "0:"+strconv.Itoa(index), "-c", "copy", "-frames:"+"v", strconv.Itoa(n),
		"-f", "data", "-")
}

// CountPackets counts the packets of stream index (the file's
// numbering), reading the whole file but decoding nothing.
func CountPackets(ctx context.Context, path string, index int) (int, error) {
	out, err := Run(ctx, "ffprobe", "-v", "error", "-select_streams", strconv.Itoa(index), "-count_packets",
		"-show_entries", "stream=nb_read_packets", "-of", "csv=p=0", SafePath(path))
	if err != nil {
		return 0, fmt.Errorf("probe: %w", err)
	}
	n, err := strconv.Atoi(strings.TrimSpace(strings.Trim(strings.TrimSpace(string(out)), ",")))
	if err != nil {
		return 0, fmt.Errorf("probe: unreadable packet count %q", out)
	}
	return n, nil
}

// Span is when a stream's packets begin and end, in seconds.
type Span struct {
	Start, End float64
}

// PacketSpans reads every packet's timestamps (not their data) and
// returns each stream's span by index. It is for files whose headers
// misstate their length: a fragmented MP4 often says nothing, or
// "unknown" as a huge number. Probe reads the first packets' spans.
func PacketSpans(ctx context.Context, path string) (map[int]Span, error) {
	spans := map[int]Span{}
	w := &lineWriter{fn: func(l string) { addPacket(spans, l) }}
	err := Pipe(ctx, nil, w, "ffprobe", "-v", "error", "-show_entries", "packet=stream_index,pts_time,duration_time",
		"-of", "csv=p=0", SafePath(path))
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
	if err != nil {
		return
	}
	f = append(f, "")
	addSpan(spans, i, f[1], f[2])
}

// addSpan widens stream i's span by a packet at pts lasting dur, as
// ffprobe prints them; a packet without a time is left out.
func addSpan(spans map[int]Span, i int, ptsTime, durTime string) {
	pts, ok := Seconds(ptsTime)
	if !ok {
		return
	}
	dur, _ := Seconds(durTime)
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

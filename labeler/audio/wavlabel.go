package audio

import (
	"bufio"
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/belgi-kz/belgi/internal/loudness"
	"github.com/belgi-kz/belgi/internal/pcm"
	"github.com/belgi-kz/belgi/internal/wav"
	"github.com/belgi-kz/belgi/labeler"
)

// maxSideChunks bounds the metadata chunks carried over from a WAV file.
const maxSideChunks = 64 << 20

// wavSource is an open WAV programme.
type wavSource struct {
	f    *os.File
	info *wav.File
}

func openWAV(path string) (*wavSource, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("audio: %w", err)
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("audio: %w", err)
	}
	info, err := wav.Parse(f, st.Size())
	if err != nil {
		f.Close()
		return nil, labeler.AtStage(labeler.StageDecode, fmt.Errorf("audio: %w", err))
	}
	return &wavSource{f: f, info: info}, nil
}

// labelWAV writes the notice in the source's own sample format and copies
// the programme's data bytes unchanged around it. WAVs holding a codec
// (ADPCM, MPEG, A-law...) go through labelCodedWAV.
func labelWAV(ctx context.Context, job labeler.Job) (labeler.Outcome, error) {
	src, err := openWAV(job.Input)
	if err != nil {
		return labeler.Outcome{}, err
	}
	defer src.f.Close()
	if !src.info.PCM() {
		return labelCodedWAV(ctx, job, src)
	}
	lufs, err := src.loudness(ctx, job.Progress)
	if err != nil {
		return labeler.Outcome{}, err
	}
	in := src.info
	target := Target(lufs, job.Spec.Audio)
	notice, err := Notice(ctx, job.Spec, in.Rate, in.Channels, target)
	if err != nil {
		return labeler.Outcome{}, err
	}
	notice = fillShare(notice, in.Frames(), job.Spec)
	slots := plan(in.Frames(), in.Rate, job.Spec.Audio)
	for i := range slots {
		if slots[i].lead && slots[i].tail {
			slots[i].at = src.quietest(slots[i].at)
		}
	}
	tl := timelineOf(slots, notice, job.Spec.Audio)
	side, notes, err := src.sideChunks(job.Spec, tl, in.Frames()+tl.added())
	if err != nil {
		return labeler.Outcome{}, err
	}
	if err := src.write(ctx, job.Temp, side, slots, func(s slot) []byte {
		return in.Encode(nil, block(notice, s, gapOf(job.Spec.Audio)).Samples)
	}); err != nil {
		return labeler.Outcome{}, err
	}
	if err := src.readBack(job.Temp, in.Data.Size+tl.added()*int64(in.BlockAlign)); err != nil {
		return labeler.Outcome{}, err
	}
	notes = append([]string{placementNote(slots, notice, target),
		"WAV: programme samples copied byte for byte; XMP in the _PMX chunk"}, notes...)
	return labeler.Outcome{Layers: layers, Notes: append(notes, src.formNotes()...)}, nil
}

// timelineOf lists where the notice blocks go and how long each is.
func timelineOf(slots []slot, notice *pcm.PCM, a labeler.AudioSpec) timeline {
	var t timeline
	for _, s := range slots {
		t.at = append(t.at, s.at)
		t.length = append(t.length, int64(block(notice, s, gapOf(a)).Frames()))
	}
	return t
}

// added is the frames the notices add in all.
func (t timeline) added() int64 {
	var n int64
	for _, l := range t.length {
		n += l
	}
	return n
}

// formNotes say what the source's form asked of the output.
func (s *wavSource) formNotes() []string {
	var notes []string
	if s.info.Form != "RIFF" {
		notes = append(notes, s.info.Form+" kept: sizes are in the ds64 chunk")
	}
	if s.info.Unfinished {
		notes = append(notes, "the source's header was never finished by its recorder (data size 0 or unknown): its data was taken to the end of the file")
	}
	return notes
}

// loudness measures the programme's integrated loudness, reporting the
// first half of the progress.
func (s *wavSource) loudness(ctx context.Context, progress func(float64)) (float64, error) {
	in := s.info
	m := loudness.New(in.Rate, in.Channels)
	r := io.NewSectionReader(s.f, in.Data.Offset, in.Frames()*int64(in.BlockAlign))
	buf := make([]byte, in.BlockAlign*16384)
	var samples []float32
	var done int64
	for {
		n, err := io.ReadFull(r, buf)
		n -= n % in.BlockAlign
		samples = in.Decode(samples[:0], buf[:n])
		m.Write(samples)
		done += int64(n)
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return m.Integrated(), nil
		}
		if err != nil {
			return 0, fmt.Errorf("audio: reading samples: %w", err)
		}
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		progress(0.5 * float64(done) / float64(max(1, r.Size())))
	}
}

// quietest moves a repeat to the quietest 10 ms within 3 s of at, so that
// the programme pauses where it pauses anyway and is not cut mid-word.
func (s *wavSource) quietest(at int64) int64 {
	in := s.info
	win := int64(in.Rate / 100)
	from, to := max(0, at-3*int64(in.Rate)), min(in.Frames(), at+3*int64(in.Rate))
	raw := make([]byte, (to-from)*int64(in.BlockAlign))
	if _, err := s.f.ReadAt(raw, in.Data.Offset+from*int64(in.BlockAlign)); err != nil {
		return at
	}
	x := in.Decode(nil, raw)
	best, bestE := at, -1.0
	for f := int64(0); f+win <= to-from; f += win {
		var e float64
		for _, v := range x[f*int64(in.Channels) : (f+win)*int64(in.Channels)] {
			e += float64(v) * float64(v)
		}
		if bestE < 0 || e < bestE {
			best, bestE = from+f+win/2, e
		}
	}
	return best
}

// sideChunks returns the chunks to carry over (everything but fmt, data,
// ds64 and an old _PMX), their sample positions moved along timeline t,
// a fact chunk stating samples, and the new _PMX with merged XMP; and
// notes on chunks left out.
func (s *wavSource) sideChunks(spec labeler.Spec, t timeline, samples int64) ([]wav.RawChunk, []string, error) {
	var out []wav.RawChunk
	var notes []string
	var total int64
	var old []byte
	for _, c := range s.info.Chunks {
		switch c.ID {
		case "fmt ", "data", "ds64":
			continue
		case "fact":
			out = append(out, wav.RawChunk{ID: "fact", Body: binary.LittleEndian.AppendUint32(nil, uint32(min(samples, 1<<32-1)))})
			continue
		}
		if total += c.Size; total > maxSideChunks {
			return nil, nil, fmt.Errorf("audio: more than %d MiB of metadata chunks", maxSideChunks>>20)
		}
		body := make([]byte, c.Size)
		if _, err := s.f.ReadAt(body, c.Offset); err != nil {
			return nil, nil, fmt.Errorf("audio: chunk %q: %w", c.ID, err)
		}
		if c.ID == "_PMX" {
			old = body
			continue
		}
		rc := wav.RawChunk{ID: c.ID, Body: body}
		if !adjustChunk(&rc, t) {
			notes = append(notes, fmt.Sprintf("the %q chunk describes the source's samples as a whole and was left out", c.ID))
			continue
		}
		out = append(out, rc)
	}
	xmp, err := packet(spec, old)
	if err != nil {
		return nil, nil, fmt.Errorf("audio: %w", err)
	}
	if a := aigcFor(spec, xmp); a != "" { // TC260's practice guide: a RIFF chunk "AIGC", replacing the source's
		out = append(slices.DeleteFunc(out, func(c wav.RawChunk) bool { return c.ID == "AIGC" }), aigcChunk(a))
	}
	return append(out, wav.RawChunk{ID: "_PMX", Body: xmp}), notes, nil
}

// write assembles the output: notices from noticeBytes, the programme's
// data bytes copied between them.
func (s *wavSource) write(ctx context.Context, path string, side []wav.RawChunk, slots []slot, noticeBytes func(slot) []byte) error {
	in := s.info
	blocks := make([][]byte, len(slots))
	size := in.Frames() * int64(in.BlockAlign)
	for i, sl := range slots {
		blocks[i] = noticeBytes(sl)
		size += int64(len(blocks[i]))
	}
	out, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		return fmt.Errorf("audio: %w", err)
	}
	defer out.Close()
	w := bufio.NewWriterSize(out, 1<<20)
	if err := (wav.Header{Form: in.Form, Format: in.Format, Extra: side, DataSize: size}).Write(w); err != nil {
		return err
	}
	prev := int64(0)
	for i, sl := range slots {
		if err := s.copyFrames(ctx, w, prev, sl.at); err != nil {
			return err
		}
		w.Write(blocks[i])
		prev = sl.at
	}
	if err := s.copyFrames(ctx, w, prev, in.Frames()); err != nil {
		return err
	}
	if size&1 == 1 {
		w.WriteByte(0)
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("audio: writing: %w", err)
	}
	return out.Close()
}

func (s *wavSource) copyFrames(ctx context.Context, w io.Writer, from, to int64) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	ba := int64(s.info.BlockAlign)
	r := io.NewSectionReader(s.f, s.info.Data.Offset+from*ba, (to-from)*ba)
	if _, err := io.Copy(w, r); err != nil {
		return fmt.Errorf("audio: copying samples: %w", err)
	}
	return nil
}

// inspectWAV reads the _PMX chunk.
func inspectWAV(path string) (labeler.Report, error) {
	src, err := openWAV(path)
	if err != nil {
		return labeler.Report{}, err
	}
	defer src.f.Close()
	xmp, err := src.info.ReadChunk(src.f, "_PMX", 16<<20)
	if err != nil {
		return labeler.Report{}, fmt.Errorf("audio: %w", err)
	}
	return report(FormatWAV, xmp), nil
}

// aigcChunk holds the AIGC JSON, made even in length with a space (JSON
// whitespace) so that no reader takes RIFF's pad byte for part of it.
func aigcChunk(json string) wav.RawChunk {
	if len(json)%2 == 1 {
		json += " "
	}
	return wav.RawChunk{ID: "AIGC", Body: []byte(json)}
}

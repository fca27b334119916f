package audio

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"github.com/belgi-kz/belgi/internal/mp3"
	"github.com/belgi-kz/belgi/internal/pcm"
	"github.com/belgi-kz/belgi/internal/wav"
	"github.com/belgi-kz/belgi/labeler"
)

// joined is a labeled data chunk: the pieces written in order, the
// format they share, where the notices went, and what was done.
type joined struct {
	format   wav.Format
	pieces   []piece
	timeline timeline
	codec    string // as ffprobe names it
	spb      int    // samples per codec block or frame
	how      string
	work     string      // a folder to remove once written
	open     []io.Closer // encoded notices read while writing
}

// done closes and removes what the join left behind.
func (j joined) done() {
	for _, c := range j.open {
		c.Close()
	}
	if j.work != "" {
		os.RemoveAll(j.work)
	}
}

// piece is bytes in memory or a range of a file.
type piece struct {
	b      []byte
	r      io.ReaderAt
	off, n int64
}

func (p piece) size() int64 {
	if p.r != nil {
		return p.n
	}
	return int64(len(p.b))
}

func (j joined) size() int64 {
	var n int64
	for _, p := range j.pieces {
		n += p.size()
	}
	return n
}

// blockCodecs are codecs whose blocks decode on their own, so a notice
// encoded alike can sit between the programme's blocks: the encoder and
// whether it takes the source's block size.
var blockCodecs = map[int]struct {
	encoder string
	sized   bool
}{
	wav.TagIMAADPCM: {"adpcm_ima_wav", true}, wav.TagMSADPCM: {"adpcm_ms", true},
	wav.TagALaw: {"pcm_alaw", false}, wav.TagMuLaw: {"pcm_mulaw", false},
}

// join copies the programme's frames (MPEG) or blocks (ADPCM, G.711)
// untouched where it can and re-encodes it otherwise.
func (c *coded) join(ctx context.Context, job labeler.Job, notice *pcm.PCM, slots []slot) (joined, error) {
	reason := "its codec's blocks depend on one another"
	switch {
	case c.src.info.Tag == wav.TagMPEGLayer3:
		j, why, err := c.joinMPEG(ctx, job, notice, slots)
		if err != nil || why == "" {
			return j, err
		}
		reason = why
	case blockCodecs[c.src.info.Tag].encoder != "":
		j, why, err := c.joinBlocks(ctx, job, notice, slots)
		if err != nil || why == "" {
			return j, err
		}
		reason = why
	}
	return c.reencode(ctx, job, notice, slots, reason)
}

// samplesPerBlock reads an ADPCM fmt chunk's wSamplesPerBlock; G.711
// has one sample per block.
func (c *coded) samplesPerBlock() int {
	raw := c.src.info.Raw
	if c.src.info.Tag == wav.TagALaw || c.src.info.Tag == wav.TagMuLaw {
		return 1
	}
	if len(raw) >= 20 {
		return int(binary.LittleEndian.Uint16(raw[18:]))
	}
	return 0
}

// joinBlocks encodes each notice block with the programme's codec and
// block size and puts it between the programme's blocks. It returns a
// reason instead when the encoder's set-up differs from the source's.
func (c *coded) joinBlocks(ctx context.Context, job labeler.Job, notice *pcm.PCM, slots []slot) (joined, string, error) {
	in := c.src.info
	spb := c.samplesPerBlock()
	if spb <= 0 {
		return joined{}, "its fmt chunk does not say how many samples a block holds", nil
	}
	full, partial := in.Data.Size/int64(in.BlockAlign), in.Data.Size%int64(in.BlockAlign)
	dir, err := tempDir(job.Temp)
	if err != nil {
		return joined{}, "", err
	}
	j := joined{codec: c.codec, spb: spb, work: dir}
	prev := int64(0)
	for i, s := range slots {
		k := min(full, (s.at+int64(spb)/2)/int64(spb))
		if s.at > 0 && k == full && partial > 0 {
			j.done()
			return joined{}, "a notice can't follow the programme's partial last block", nil
		}
		enc, err := c.encodeBlocks(ctx, noticeFor(notice, s, job.Spec.Audio, spb), filepath.Join(dir, strconv.Itoa(i)+".wav"))
		if err != nil {
			j.done()
			return joined{}, "", err
		}
		j.open = append(j.open, enc.f)
		if !sameCodecSetup(enc.info.Format, in.Format) {
			j.done()
			return joined{}, "ffmpeg's encoder writes a different set-up than the programme's", nil
		}
		j.pieces = append(j.pieces, c.src.blocks(prev, k), enc.data())
		j.timeline.at = append(j.timeline.at, k*int64(spb))
		j.timeline.length = append(j.timeline.length, enc.samples(spb))
		prev = k
	}
	j.pieces = append(j.pieces, piece{r: c.src.f, off: in.Data.Offset + prev*int64(in.BlockAlign), n: in.Data.Size - prev*int64(in.BlockAlign)})
	j.format = in.Format
	j.how = fmt.Sprintf("WAV (%s): programme blocks copied untouched; notice encoded with the same codec and block size", c.codec)
	return j, "", nil
}

// blocks is the programme's blocks [from, to) as a piece.
func (s *wavSource) blocks(from, to int64) piece {
	ba := int64(s.info.BlockAlign)
	return piece{r: s.f, off: s.info.Data.Offset + from*ba, n: (to - from) * ba}
}

// encodedWAV is a notice ffmpeg encoded into a temporary WAV.
type encodedWAV struct {
	f    *os.File
	info *wav.File
}

func (e encodedWAV) data() piece {
	return piece{r: e.f, off: e.info.Data.Offset, n: e.info.Data.Size}
}

// samples is how many samples the encoded blocks hold.
func (e encodedWAV) samples(spb int) int64 {
	return e.info.Data.Size / int64(e.info.BlockAlign) * int64(spb)
}

// encodeBlocks has ffmpeg encode p with the programme's codec and block
// size into a WAV at path, and opens it (closed with the work folder's
// removal: the caller keeps reading it until the output is written).
func (c *coded) encodeBlocks(ctx context.Context, p *pcm.PCM, path string) (encodedWAV, error) {
	bc := blockCodecs[c.src.info.Tag]
	args := []string{"-c:a", bc.encoder, "-ar", strconv.Itoa(c.rate), "-ac", strconv.Itoa(c.channels)}
	if bc.sized {
		args = append(args, "-block_size", strconv.Itoa(c.src.info.BlockAlign))
	}
	if err := encodeWith(ctx, p, path, append(args, "-f", "wav")); err != nil {
		return encodedWAV{}, err
	}
	f, err := os.Open(path)
	if err != nil {
		return encodedWAV{}, fmt.Errorf("audio: %w", err)
	}
	st, _ := f.Stat()
	info, err := wav.Parse(f, st.Size())
	if err != nil {
		f.Close()
		return encodedWAV{}, fmt.Errorf("audio: the encoded notice: %w", err)
	}
	return encodedWAV{f: f, info: info}, nil
}

// sameCodecSetup: blocks of a and b can share one fmt chunk.
func sameCodecSetup(a, b wav.Format) bool {
	return a.Tag == b.Tag && a.Channels == b.Channels && a.Rate == b.Rate && a.BlockAlign == b.BlockAlign &&
		bytes.Equal(a.Raw[min(16, len(a.Raw)):], b.Raw[min(16, len(b.Raw)):])
}

// joinMPEG joins MPEG audio frames in a WAV's data chunk as the MP3 kind
// joins an MP3 file's: the programme's frames untouched, notice frames
// encoded with the same version, rate, channels and bitrate.
func (c *coded) joinMPEG(ctx context.Context, job labeler.Job, notice *pcm.PCM, slots []slot) (joined, string, error) {
	in := c.src.info
	if in.Data.Size > maxMP3 {
		return joined{}, "the MPEG data is too large to join in memory", nil
	}
	data := make([]byte, in.Data.Size)
	if _, err := c.src.f.ReadAt(data, in.Data.Offset); err != nil {
		return joined{}, "", fmt.Errorf("audio: %w", err)
	}
	st, err := mp3.Scan(data)
	if err != nil {
		return joined{}, "its MPEG frames are not Layer III or are damaged", nil
	}
	m := &mp3Source{stream: st, audio: data}
	ms := m.slots(job.Spec.Audio)
	mj, err := m.join(ctx, job, notice, ms)
	if err != nil {
		return joined{}, "", err
	}
	frames, counts := mj.frames, mj.counts
	spf := st.First.SamplesPerFrame()
	j := joined{format: in.Format, codec: "mp3", spb: spf, pieces: []piece{{b: bytes.Join(frames, nil)}}}
	for i, s := range ms {
		j.timeline.at = append(j.timeline.at, s.at*int64(spf))
		j.timeline.length = append(j.timeline.length, int64(counts[i]*spf))
	}
	j.how = fmt.Sprintf("WAV (MPEG Layer III): programme frames copied untouched; notice encoded at %s", m.bitrateLabel())
	return j, "", nil
}

// write assembles the labeled WAV: the header with side chunks, then the
// pieces of the data chunk.
func (c *coded) write(path string, j joined, side []wav.RawChunk) error {
	defer j.done()
	out, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		return fmt.Errorf("audio: %w", err)
	}
	defer out.Close()
	w := bufio.NewWriterSize(out, 1<<20)
	size := j.size()
	h := wav.Header{Form: c.src.info.Form, Format: j.format, Extra: side, DataSize: size, Samples: c.frames + j.timeline.added()}
	if err := h.Write(w); err != nil {
		return err
	}
	for _, p := range j.pieces {
		if p.r == nil {
			w.Write(p.b)
		} else if _, err := io.Copy(w, io.NewSectionReader(p.r, p.off, p.n)); err != nil {
			return fmt.Errorf("audio: copying the programme: %w", err)
		}
	}
	if size&1 == 1 {
		w.WriteByte(0)
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("audio: writing: %w", err)
	}
	return out.Close()
}

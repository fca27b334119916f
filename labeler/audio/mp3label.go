package audio

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/internal/mp3"
	"github.com/belgi-kz/belgi/internal/pcm"
	"github.com/belgi-kz/belgi/labeler"
)

// maxMP3 bounds the MP3 files read into memory: about 7 hours at 320 kbit/s.
const maxMP3 = 1 << 30

// mp3Source is a parsed MP3 programme held in memory.
type mp3Source struct {
	tag    *mp3.Tag
	stream *mp3.Stream
	audio  []byte // the bytes Scan's offsets refer to
	v1     []byte // an ID3v1 tag at the end, kept
	// trailer is a Lyrics3 or APE tag between the last frame and the
	// ID3v1 tag, kept.
	trailer []byte
}

func readMP3(path string) (*mp3Source, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("audio: %w", err)
	}
	if st.Size() > maxMP3 {
		return nil, labeler.AtStage(labeler.StageDecode, fmt.Errorf("audio: MP3 files over %d MiB are not supported", maxMP3>>20))
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("audio: %w", err)
	}
	s := &mp3Source{}
	if s.tag, err = mp3.ParseTag(b); err != nil {
		return nil, labeler.AtStage(labeler.StageDecode, fmt.Errorf("audio: %w", err))
	}
	if s.tag != nil {
		b = b[s.tag.Size:]
	}
	if n := len(b); n >= 128 && string(b[n-128:n-125]) == "TAG" {
		s.v1, b = b[n-128:], b[:n-128]
	}
	s.audio = b
	if s.stream, err = mp3.Scan(b); err != nil {
		return nil, labeler.AtStage(labeler.StageDecode, fmt.Errorf("audio: %w", err))
	}
	if why := s.stream.Truncated(); why != "" {
		return nil, damaged(fmt.Errorf("audio: the file is truncated: %s%s", why, repairHint))
	}
	if rest := b[s.stream.End():]; bytes.HasPrefix(rest, []byte("LYRICSBEGIN")) || bytes.HasPrefix(rest, []byte("APETAGEX")) {
		s.trailer = rest
	}
	return s, nil
}

// labelMP3 copies the programme's frames untouched behind (and between)
// notice frames encoded with the programme's MPEG version, rate, channels
// and bitrate, then writes a Xing header for the whole and an ID3v2 tag
// carrying the marks.
func labelMP3(ctx context.Context, job labeler.Job) (labeler.Outcome, error) {
	if _, err := ffmpeg.Find("ffmpeg"); err != nil {
		return labeler.Outcome{}, fmt.Errorf("audio: MP3 notices are encoded with ffmpeg: %w", err)
	}
	src, err := readMP3(job.Input)
	if err != nil {
		return labeler.Outcome{}, err
	}
	h := src.stream.First
	lufs, _, err := measure(ctx, job.Input, h.Rate, h.Channels(), src.stream.Duration(), job.Progress)
	if err != nil {
		return labeler.Outcome{}, err
	}
	target := Target(lufs, job.Spec.Audio)
	notice, err := Notice(ctx, job.Spec, h.Rate, h.Channels(), target)
	if err != nil {
		return labeler.Outcome{}, err
	}
	notice = fillShare(notice, int64(src.stream.Duration()*float64(h.Rate)), job.Spec)
	slots := src.slots(job.Spec.Audio)
	j, err := src.join(ctx, job, notice, slots)
	if err != nil {
		return labeler.Outcome{}, err
	}
	if err := src.write(job, j); err != nil {
		return labeler.Outcome{}, err
	}
	if err := src.readBack(ctx, job.Temp, job.Input, j); err != nil {
		return labeler.Outcome{}, err
	}
	return labeler.Outcome{Layers: layers, Notes: []string{
		placementNote(slots, notice, target),
		fmt.Sprintf("MP3: programme frames copied untouched (no re-encode); notice encoded at %s, %d Hz, %d channel(s); %s; XMP in ID3v2 PRIV, DigitalSourceType in TXXX",
			src.bitrateLabel(), h.Rate, h.Channels(), src.headerNote(j)),
	}}, nil
}

// headerNote says what the stream's header frame carries.
func (s *mp3Source) headerNote(j mp3Join) string {
	if s.lame() == nil {
		return "a new Xing header counts the frames"
	}
	return fmt.Sprintf("Xing header with the source's LAME tag (%s), gapless delay %d and padding %d samples",
		strings.TrimSpace(s.lame().Encoder()), j.delay, j.padding)
}

// slots plans notice places at frame boundaries; a repeat goes before the
// nearest frame that does not borrow bits from the frames before it, so
// inserting notice frames cannot corrupt it.
func (s *mp3Source) slots(a labeler.AudioSpec) []slot {
	spf := int64(s.stream.First.SamplesPerFrame())
	slots := plan(int64(len(s.stream.Frames))*spf, s.stream.First.Rate, a)
	for i := range slots {
		k := int(slots[i].at / spf)
		if slots[i].lead && slots[i].tail {
			k = s.selfContained(k, int(3*float64(s.stream.First.Rate)/float64(spf)))
		}
		slots[i].at = int64(k)
	}
	return slots
}

func (s *mp3Source) selfContained(k, within int) int {
	for d := 0; d <= within; d++ {
		for _, i := range []int{k - d, k + d} {
			if i > 0 && i < len(s.stream.Frames) && s.stream.Frames[i].Reservoir == 0 {
				return i
			}
		}
	}
	return k
}

// mp3Join is a joined stream: its frames in order, how many notice
// frames went in at each slot, and the gapless delay and padding the
// output's LAME tag states.
type mp3Join struct {
	frames         [][]byte
	counts         []int
	delay, padding int
}

// join puts notice frames from ffmpeg between slices of the source's
// frames. The output starts with the first notice, so its gapless delay
// is that notice encoder's; it ends with the programme (its padding)
// unless a notice closes it.
func (s *mp3Source) join(ctx context.Context, job labeler.Job, notice *pcm.PCM, slots []slot) (mp3Join, error) {
	dir, err := tempDir(job.Temp)
	if err != nil {
		return mp3Join{}, err
	}
	defer os.RemoveAll(dir)
	j := mp3Join{counts: make([]int, len(slots)), padding: s.padding()}
	prev := 0
	for i, sl := range slots {
		j.frames = append(j.frames, s.frames(prev, int(sl.at))...)
		nf, lame, err := s.encode(ctx, block(notice, sl, gapOf(job.Spec.Audio)), filepath.Join(dir, strconv.Itoa(i)+".mp3"))
		if err != nil {
			return mp3Join{}, err
		}
		j.frames, j.counts[i] = append(j.frames, nf...), len(nf)
		if lame != nil && sl.at == 0 {
			j.delay = lame.Delay()
		}
		if lame != nil && int(sl.at) == len(s.stream.Frames) {
			j.padding = lame.Padding()
		}
		prev = int(sl.at)
		job.Progress(0.5 + 0.4*float64(i+1)/float64(len(slots)))
	}
	j.frames = append(j.frames, s.frames(prev, len(s.stream.Frames))...)
	return j, nil
}

// padding is the source's gapless padding, 0 without a LAME tag.
func (s *mp3Source) padding() int {
	if l := s.lame(); l != nil {
		return l.Padding()
	}
	return 0
}

// lame is the source's LAME tag, nil without one.
func (s *mp3Source) lame() *mp3.LAME {
	if s.stream.Info == nil {
		return nil
	}
	return s.stream.Info.LAME
}

func (s *mp3Source) frames(from, to int) [][]byte {
	out := make([][]byte, 0, to-from)
	for _, f := range s.stream.Frames[from:to] {
		out = append(out, s.audio[f.Offset:f.Offset+f.Size])
	}
	return out
}

// encode turns a notice block into MP3 frames that can sit in s's
// stream, and returns the LAME tag the encoder wrote (its gapless delay
// and padding).
func (s *mp3Source) encode(ctx context.Context, p *pcm.PCM, path string) ([][]byte, *mp3.LAME, error) {
	h := s.stream.First
	args := []string{"-c:a", "libmp3lame", "-b:a", strconv.Itoa(s.bitrate()) + "k", "-ar", strconv.Itoa(h.Rate),
		"-ac", strconv.Itoa(h.Channels()), "-write_xing", "1", "-id3v2_version", "0", "-f", "mp3"}
	if err := encodeWith(ctx, p, path, args); err != nil {
		return nil, nil, err
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("audio: %w", err)
	}
	ns, err := mp3.Scan(b[mp3.TagSize(b):])
	if err != nil {
		return nil, nil, fmt.Errorf("audio: encoded notice: %w", err)
	}
	if !ns.First.Compatible(h) {
		return nil, nil, fmt.Errorf("audio: ffmpeg encoded the notice as %s, which can't join %s", ns, s.stream)
	}
	src := &mp3Source{stream: ns, audio: b[mp3.TagSize(b):]}
	return src.frames(0, len(ns.Frames)), src.lame(), nil
}

// bitrate is the programme's bitrate in kbit/s: the frames' own for
// constant bitrate, the average for VBR.
func (s *mp3Source) bitrate() int {
	if !s.stream.VBR {
		return s.stream.First.Bitrate
	}
	var bytes int
	for _, f := range s.stream.Frames {
		bytes += f.Size
	}
	return int(math.Round(float64(bytes) * 8 / s.stream.Duration() / 1000))
}

func (s *mp3Source) bitrateLabel() string {
	if s.stream.VBR {
		return fmt.Sprintf("%d kbit/s average (the programme is VBR)", s.bitrate())
	}
	return fmt.Sprintf("%d kbit/s", s.bitrate())
}

// write assembles tag, Xing header (with the source's LAME tag, its
// gapless fields made true), frames and any ID3v1 tag.
func (s *mp3Source) write(job labeler.Job, j mp3Join) error {
	tag, err := s.newTag(job.Spec)
	if err != nil {
		return err
	}
	var lame *mp3.LAME
	if l := s.lame(); l != nil {
		c := *l
		c.SetGapless(j.delay, j.padding)
		lame = &c
	}
	xing, err := mp3.XingFrame(s.stream.First, j.frames, s.stream.VBR, lame)
	if err != nil {
		return err
	}
	out := [][]byte{tag, xing}
	out = append(append(out, j.frames...), s.trailer, s.v1)
	if err := os.WriteFile(job.Temp, bytes.Join(out, nil), 0o644); err != nil {
		return fmt.Errorf("audio: writing: %w", err)
	}
	return nil
}

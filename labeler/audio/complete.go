package audio

import (
	"fmt"
	"os"

	"github.com/belgi-kz/belgi/internal/bmff"
	"github.com/belgi-kz/belgi/internal/ebml"
	"github.com/belgi-kz/belgi/internal/flac"
	"github.com/belgi-kz/belgi/internal/ogg"
)

// Belgi labels whole recordings only: a truncated source is refused with
// what is missing, rather than labeled into a shorter file that looks
// complete. ffmpeg's "-c copy" keeps what a damaged file still holds, and
// that copy can then be labeled.
const repairHint = "; re-export it from its source, or keep what is there with `ffmpeg -i IN -c copy OUT` and label that"

// declares lists the formats whose headers state their exact length, so
// that decoding fewer samples proves the file was cut short.
var declares = map[string]bool{
	FormatM4A: true, FormatMP4: true, FormatMatroska: true, FormatWebM: true, FormatAIFF: true,
	FormatWavPack: true, FormatAPE: true, FormatDSF: true, FormatDFF: true, FormatCAF: true, FormatASF: true,
}

// complete walks the source's structure (boxes, elements, blocks, pages)
// before ffmpeg reads it, and refuses a file that ends before its
// structure does.
func complete(path, format string) error {
	f, size, err := openSized(path)
	if err != nil {
		return err
	}
	defer f.Close()
	switch format {
	case FormatM4A, FormatMP4:
		err = mp4Complete(f, size)
	case FormatMatroska, FormatWebM:
		err = ebml.Complete(f, size)
	case FormatFLAC:
		_, err = flac.Read(f, int64(id3SkipAt(f)), size)
	case FormatVorbis, FormatOpus, FormatOggFLAC, FormatSpeex, FormatOgg:
		err = ogg.Complete(f, size)
	}
	if err != nil {
		return damaged(fmt.Errorf("audio: %w%s", err, repairHint))
	}
	return nil
}

// declared takes a FLAC's exact length from its STREAMINFO, which
// ffprobe may round.
func (p *probed) declared(path string) error {
	if p.format != FormatFLAC {
		return nil
	}
	f, size, err := openSized(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if m, err := flac.Read(f, int64(id3SkipAt(f)), size); err == nil && m.Samples > 0 && m.Rate > 0 {
		p.duration = float64(m.Samples) / float64(m.Rate)
	}
	return nil
}

func mp4Complete(f *os.File, size int64) error {
	m, err := bmff.Open(f, size)
	if err != nil {
		return err
	}
	return m.Complete()
}

// wholeDecoded compares what decoded with what the header promised.
func (p *probed) wholeDecoded() error {
	if !declares[p.format] && p.format != FormatFLAC {
		return nil
	}
	got := float64(p.frames) / float64(p.rate)
	if p.duration <= 0 || p.duration-got <= max(0.5, 0.01*p.duration) {
		return nil
	}
	return damaged(fmt.Errorf("audio: the file is truncated: its header promises %.1f s of sound, only %.1f s decode%s",
		p.duration, got, repairHint))
}

// id3SkipAt is the length of a leading ID3v2 tag in f, 0 without one.
func id3SkipAt(f *os.File) int {
	h := make([]byte, 10)
	n, _ := f.ReadAt(h, 0)
	return id3Skip(h[:n])
}

package audio

import (
	"fmt"
	"io"
	"strings"

	"github.com/belgi-kz/belgi/internal/apetag"
	"github.com/belgi-kz/belgi/internal/wavpack"
)

// wvSource is what a WavPack source carries besides its sound: the WAV
// header and trailer it was packed from, its APEv2 tag and an ID3v1 tag.
type wvSource struct {
	header, trailer []byte
	total           int64
	tag             *apetag.Tag
	id3v1           []byte
}

// carryWavPack gives a labeled WavPack file what the source carried and
// ffmpeg's encoder and muxer drop: the embedded RIFF header and trailer
// (sizes made true, positions moved with the programme; exiftool and
// unpackers read the WAV from them) and the APEv2 tag item by item —
// cover art and every text item as stored — with Belgi's two items
// added. The blocks' audio is ffmpeg's.
func carryWavPack(src, dst string, t timeline, marks []apetag.Item) ([]string, error) {
	s, err := readWavPack(src)
	if err != nil {
		return []string{"the source's WavPack metadata could not be read (" + err.Error() + "); ffmpeg's tags are kept"}, nil
	}
	var notes []string
	err = replaceFile(dst, func(out io.ReaderAt, size int64, w io.Writer) error {
		blocks, end, err := wavpack.Blocks(out, size)
		if err != nil {
			return fmt.Errorf("the labeled WavPack file: %w", err)
		}
		header, trailer, note := embeddedRIFF(s, blocks[0].TotalSamples, t)
		if note != "" {
			notes = append(notes, note)
		}
		if err := writeBlocks(w, out, blocks, header, trailer); err != nil {
			return err
		}
		return s.writeTags(w, out, end, size, marks)
	})
	return notes, err
}

func readWavPack(path string) (*wvSource, error) {
	f, size, err := openSized(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	blocks, _, err := wavpack.Blocks(f, size)
	if err != nil {
		return nil, err
	}
	s := &wvSource{total: blocks[0].TotalSamples}
	first, err := readAt(f, blocks[0].Offset, blocks[0].Size)
	if err == nil {
		s.header, err = wavpack.Meta(first, wavpack.IDRIFFHeader)
	}
	if err != nil {
		return nil, err
	}
	last, err := readAt(f, blocks[len(blocks)-1].Offset, blocks[len(blocks)-1].Size)
	if err == nil {
		s.trailer, err = wavpack.Meta(last, wavpack.IDRIFFTrailer)
	}
	if err != nil {
		return nil, err
	}
	if s.tag, err = apetag.Read(f, size); err != nil {
		return nil, err
	}
	if size >= 128 {
		if b, _ := readAt(f, size-128, 128); strings.HasPrefix(string(b), "TAG") {
			s.id3v1 = b
		}
	}
	return s, nil
}

func readAt(r io.ReaderAt, off, n int64) ([]byte, error) {
	b := make([]byte, n)
	_, err := r.ReadAt(b, off)
	return b, err
}

// writeBlocks copies the output's blocks, the RIFF header put into the
// first and the trailer into the last.
func writeBlocks(w io.Writer, out io.ReaderAt, blocks []wavpack.Block, header, trailer []byte) error {
	for i, bl := range blocks {
		b, err := readAt(out, bl.Offset, bl.Size)
		if err != nil {
			return err
		}
		if i == 0 && header != nil {
			if b, err = wavpack.Insert(b, wavpack.IDRIFFHeader, header); err != nil {
				return err
			}
		}
		if i == len(blocks)-1 && trailer != nil {
			if b, err = wavpack.Insert(b, wavpack.IDRIFFTrailer, trailer); err != nil {
				return err
			}
		}
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	return nil
}

// writeTags writes the source's APEv2 items with Belgi's in place of any
// old ones (or, when the source had no tag, ffmpeg's tag after the
// blocks), then the source's ID3v1 tag.
func (s *wvSource) writeTags(w io.Writer, out io.ReaderAt, end, size int64, marks []apetag.Item) error {
	var err error
	if s.tag != nil {
		var items []apetag.Item
		for _, it := range s.tag.Items {
			if !strings.EqualFold(it.Key, tagDSTGeneric) && !strings.EqualFold(it.Key, tagXMP) {
				items = append(items, it)
			}
		}
		_, err = w.Write(apetag.Bytes(append(items, marks...)))
	} else {
		_, err = io.Copy(w, io.NewSectionReader(out, end, size-end))
	}
	if err == nil && s.id3v1 != nil {
		_, err = w.Write(s.id3v1)
	}
	return err
}

// apeMarks are Belgi's marks as APEv2 items, named as ffmpeg writes them.
func apeMarks(dst, xmp string) []apetag.Item {
	return []apetag.Item{apetag.TextItem(tagDSTGeneric, dst), apetag.TextItem(tagXMP, xmp)}
}

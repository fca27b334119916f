package audio

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/belgi-kz/belgi/internal/flac"
)

// carryFLAC gives a labeled FLAC the source's metadata exactly, where
// ffmpeg's muxer keeps only what it understands: every Vorbis comment
// (plus Belgi's), the pictures with their types and descriptions, the
// application blocks, and an ID3v2 tag that preceded the stream. The
// stream's own STREAMINFO and SEEKTABLE, which describe the new frames,
// and the frames themselves are kept from ffmpeg's output.
func carryFLAC(src, dst string, dstComment, xmp string) ([]string, error) {
	in, err := os.Open(src)
	if err != nil {
		return nil, fmt.Errorf("audio: %w", err)
	}
	defer in.Close()
	out, err := os.Open(dst)
	if err != nil {
		return nil, fmt.Errorf("audio: %w", err)
	}
	defer out.Close()
	id3 := id3SkipAt(in)
	sm, err := readMeta(in, int64(id3))
	if err != nil {
		return nil, err
	}
	om, err := readMeta(out, 0)
	if err != nil {
		return nil, err
	}
	blocks, notes, err := mergeBlocks(in, sm, out, om, dstComment, xmp)
	if err != nil {
		return nil, err
	}
	return notes, rewriteFLAC(dst, in, int64(id3), blocks, out, om.AudioOffset)
}

func readMeta(f *os.File, off int64) (*flac.Meta, error) {
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("audio: %w", err)
	}
	m, err := flac.Read(f, off, st.Size())
	if err != nil {
		return nil, fmt.Errorf("audio: %w", err)
	}
	return m, nil
}

// mergeBlocks takes STREAMINFO and SEEKTABLE from the output, the rest
// from the source, with Belgi's comments in place of any old ones.
func mergeBlocks(in io.ReaderAt, sm *flac.Meta, out io.ReaderAt, om *flac.Meta, dstComment, xmp string) ([]flac.RawBlock, []string, error) {
	var blocks []flac.RawBlock
	var notes []string
	for _, b := range om.Blocks {
		if b.Type == flac.TypeStreamInfo || b.Type == seekTable {
			body, err := flac.ReadBlock(out, b)
			if err != nil {
				return nil, nil, fmt.Errorf("audio: %w", err)
			}
			blocks = append(blocks, flac.RawBlock{Type: b.Type, Body: body})
		}
	}
	vendor := ""
	for _, b := range om.Blocks {
		if b.Type == flac.TypeVorbisComment {
			body, _ := flac.ReadBlock(out, b)
			vendor = flac.Vendor(body)
		}
	}
	var comments []string
	for _, c := range sm.Comments {
		k, _, _ := strings.Cut(c, "=")
		if !strings.EqualFold(k, tagDSTVorbis) && !strings.EqualFold(k, tagXMP) {
			comments = append(comments, c)
		}
	}
	comments = append(comments, tagDSTVorbis+"="+dstComment, tagXMP+"="+xmp)
	blocks = append(blocks, flac.RawBlock{Type: flac.TypeVorbisComment, Body: flac.Comments(vendor, comments)})
	for _, b := range sm.Blocks {
		switch b.Type {
		case flac.TypePicture, application:
			body, err := flac.ReadBlock(in, b)
			if err != nil {
				return nil, nil, fmt.Errorf("audio: %w", err)
			}
			blocks = append(blocks, flac.RawBlock{Type: b.Type, Body: body})
		case cueSheet:
			notes = append(notes, "the source's CUESHEET was left out: its track offsets no longer hold after the notice")
		}
	}
	return blocks, notes, nil
}

// FLAC metadata block types Belgi handles besides those package flac names.
const (
	application = 2
	seekTable   = 3
	cueSheet    = 5
)

// rewriteFLAC writes id3 bytes of src's leading tag, the blocks, and the
// audio frames of out from audio on, to a file that replaces dst.
func rewriteFLAC(dst string, src io.ReaderAt, id3 int64, blocks []flac.RawBlock, out io.ReaderAt, audio int64) error {
	st, err := os.Stat(dst)
	if err != nil {
		return fmt.Errorf("audio: %w", err)
	}
	tmp := dst + ".meta"
	f, err := os.Create(tmp)
	if err != nil {
		return fmt.Errorf("audio: %w", err)
	}
	defer os.Remove(tmp)
	w := bufio.NewWriterSize(f, 1<<20)
	_, err = io.Copy(w, io.NewSectionReader(src, 0, id3))
	if err == nil {
		err = flac.WriteHeader(w, blocks)
	}
	if err == nil {
		_, err = io.Copy(w, io.NewSectionReader(out, audio, st.Size()-audio))
	}
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, dst)
	}
	if err != nil {
		return fmt.Errorf("audio: keeping the FLAC metadata: %w", err)
	}
	return nil
}

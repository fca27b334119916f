package audio

import (
	"fmt"
	"os"

	"github.com/belgi-kz/belgi/internal/mp3"
	"github.com/belgi-kz/belgi/labeler"
)

// ID3 identifiers Belgi writes.
const (
	txxxDST   = "DigitalSourceType"
	txxxBelgi = "Belgi"
	privXMP   = "XMP"
)

// newTag keeps the source's ID3v2 frames and replaces Belgi's.
func (s *mp3Source) newTag(spec labeler.Spec) ([]byte, error) {
	t := &mp3.Tag{Major: 3}
	if s.tag != nil && s.tag.Major != 0 {
		t = s.tag
	}
	xmp, err := packet(spec, t.Private(privXMP))
	if err != nil {
		return nil, fmt.Errorf("audio: %w", err)
	}
	t.Without([]string{txxxDST, txxxBelgi}, []string{privXMP})
	t.Frames = append(t.Frames,
		mp3.TXXX(txxxDST, spec.DigitalSourceType()),
		mp3.TXXX(txxxBelgi, labeler.Tool+"; spoken notice: "+string(spec.AI)+" with AI"),
		mp3.PRIV(privXMP, xmp))
	if a := aigcFor(spec, xmp); a != "" { // replacing the source's, if any
		t.Without([]string{txxxAIGC}, nil)
		t.Frames = append(t.Frames, mp3.TXXX(txxxAIGC, a))
	}
	return t.Bytes(), nil
}

// inspectMP3 reads the ID3v2 tag: XMP first, the TXXX frame otherwise.
func inspectMP3(path string) (labeler.Report, error) {
	t, err := readID3(path)
	if err != nil || t == nil {
		return report(FormatMP3, nil), err
	}
	rep := report(FormatMP3, t.Private(privXMP))
	rep.AddDeclaration(labeler.Declaration{Where: labeler.SourceID3, Type: t.Text(txxxDST)})
	return rep, nil
}

// readID3 reads the ID3v2 tag at the start of an MP3; nil if it has none.
func readID3(path string) (*mp3.Tag, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("audio: %w", err)
	}
	defer f.Close()
	head := make([]byte, 10)
	n, _ := f.Read(head)
	size := mp3.TagSize(head[:n])
	if size == 0 {
		return nil, nil
	}
	b := make([]byte, size)
	if _, err := f.ReadAt(b, 0); err != nil {
		return nil, fmt.Errorf("audio: the ID3v2 tag is truncated: %w", err)
	}
	t, err := mp3.ParseTag(b)
	if err != nil {
		return nil, fmt.Errorf("audio: %w", err)
	}
	return t, nil
}

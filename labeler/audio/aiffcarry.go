package audio

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"unicode/utf16"

	"github.com/belgi-kz/belgi/internal/aiff"
	"github.com/belgi-kz/belgi/internal/mp3"
)

// fromOutput are the chunks that describe the new sound: its format
// (COMM: the frame count grows by the notice), the sound itself and the
// AIFF-C version.
var fromOutput = map[string]bool{"COMM": true, "SSND": true, "FVER": true}

// carryAIFF gives a labeled AIFF the source's chunks byte for byte, in
// their order, where ffmpeg's muxer keeps only title, author, copyright
// and one annotation and rebuilds the ID3 tag from what it understands
// (compilation, lyrics, comment frames were lost): the sound and its
// format come from ffmpeg's output; markers move with the programme;
// the source's ID3 tag keeps every frame, with Belgi's two marks added.
func carryAIFF(src, dst string, t timeline, m aiffMarks) ([]string, error) {
	in, isize, err := openSized(src)
	if err != nil {
		return nil, err
	}
	defer in.Close()
	sf, err := aiff.Parse(in, isize)
	if err != nil {
		return []string{"the source's AIFF chunks could not be read (" + err.Error() + "); ffmpeg's copy of its tags is kept"}, nil
	}
	return nil, replaceFile(dst, func(out io.ReaderAt, size int64, w io.Writer) error {
		of, err := aiff.Parse(out, size)
		if err != nil {
			return fmt.Errorf("the labeled AIFF: %w", err)
		}
		parts, err := aiffParts(in, sf, out, of, t, m)
		if err != nil {
			return err
		}
		return aiff.Write(w, of.Form, parts)
	})
}

// aiffParts lists the labeled copy's chunks: the source's, in order,
// with the output's sound and format in place of the source's.
func aiffParts(in io.ReaderAt, sf *aiff.File, out io.ReaderAt, of *aiff.File, t timeline, m aiffMarks) ([]aiff.Part, error) {
	var parts []aiff.Part
	if c, ok := of.Find("FVER"); ok {
		if _, had := sf.Find("FVER"); !had {
			parts = append(parts, aiff.Of(out, c)) // AIFF-C needs it first
		}
	}
	tagged := false
	for _, c := range sf.Chunks {
		switch {
		case fromOutput[c.ID]:
			if oc, ok := of.Find(c.ID); ok {
				parts = append(parts, aiff.Of(out, oc))
			}
		case (c.ID == "ID3 " || c.ID == "id3 ") && !tagged:
			p, err := mergedID3(in, c, out, of, m)
			if err != nil {
				return nil, err
			}
			parts, tagged = append(parts, p), true
		case c.ID == "MARK":
			b, err := readChunk(in, c)
			if err != nil {
				return nil, err
			}
			aiff.ShiftMarkers(b, t.shift)
			parts = append(parts, aiff.Part{ID: c.ID, Body: b})
		default:
			parts = append(parts, aiff.Of(in, c))
		}
	}
	if !tagged {
		parts = append(parts, aiff.Part{ID: "ID3 ", Body: (&mp3.Tag{Major: 4, Frames: m.frames(4)}).Bytes()})
	}
	return parts, nil
}

// mergedID3 is the source's ID3 chunk c with Belgi's marks in place of
// any old ones; a tag this reader can't take apart gives way to
// ffmpeg's, which holds the marks.
func mergedID3(in io.ReaderAt, c aiff.Chunk, out io.ReaderAt, of *aiff.File, m aiffMarks) (aiff.Part, error) {
	b, err := readChunk(in, c)
	if err != nil {
		return aiff.Part{}, err
	}
	t, err := mp3.ParseTag(b)
	if err != nil || t == nil || t.Major == 0 {
		oc, ok := of.Find("ID3 ")
		if !ok {
			return aiff.Part{}, fmt.Errorf("the source's ID3 tag can't be read and ffmpeg wrote none")
		}
		return aiff.Of(out, oc), nil
	}
	t.Frames = slices.DeleteFunc(t.Frames, func(f mp3.TagFrame) bool {
		d := txxxDesc(f)
		return d == txxxDST || d == tagXMP
	})
	t.Frames = append(t.Frames, m.frames(t.Major)...)
	return aiff.Part{ID: c.ID, Body: t.Bytes()}, nil
}

// maxChunk bounds a chunk read into memory (tags, markers).
const maxChunk = 64 << 20

func readChunk(r io.ReaderAt, c aiff.Chunk) ([]byte, error) {
	if c.Size > maxChunk {
		return nil, fmt.Errorf("chunk %q of %d bytes is implausibly large", c.ID, c.Size)
	}
	b := make([]byte, c.Size)
	_, err := r.ReadAt(b, c.Offset)
	return b, err
}

// aiffMarks are Belgi's marks, written as ID3 text frames the way
// ffmpeg writes tags named DigitalSourceType and XMP.
type aiffMarks struct{ dst, xmp string }

// frames encodes the marks for a tag of version major: the packet in
// UTF-8 where v2.4 allows it, UTF-16 in v2.3, so its byte-order mark
// survives.
func (m aiffMarks) frames(major int) []mp3.TagFrame {
	enc := byte(3)
	if major != 4 {
		enc = 1
	}
	return []mp3.TagFrame{mp3.TXXX(txxxDST, m.dst), {ID: "TXXX", Body: textBody(enc, tagXMP, m.xmp)}}
}

// textBody is a TXXX body: encoding, description, value.
func textBody(enc byte, desc, value string) []byte {
	b := []byte{enc}
	if enc == 3 {
		return append(append(append(b, desc...), 0), value...)
	}
	for i, s := range []string{desc, value} {
		b = append(b, 0xFF, 0xFE)
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u), byte(u>>8))
		}
		if i == 0 {
			b = append(b, 0, 0)
		}
	}
	return b
}

// txxxDesc is a TXXX frame's description in any of ID3's encodings, ""
// for other frames.
func txxxDesc(f mp3.TagFrame) string {
	if f.ID != "TXXX" || len(f.Body) < 2 {
		return ""
	}
	enc, b := f.Body[0], f.Body[1:]
	if enc != 1 && enc != 2 {
		d, _, _ := bytes.Cut(b, []byte{0})
		return string(d)
	}
	be := enc == 2
	if len(b) >= 2 && (b[0] == 0xFE && b[1] == 0xFF || b[0] == 0xFF && b[1] == 0xFE) {
		be, b = b[0] == 0xFE, b[2:]
	}
	var u []uint16
	for i := 0; i+1 < len(b); i += 2 {
		v := uint16(b[i]) | uint16(b[i+1])<<8
		if be {
			v = uint16(b[i])<<8 | uint16(b[i+1])
		}
		if v == 0 {
			break
		}
		u = append(u, v)
	}
	return string(utf16.Decode(u))
}

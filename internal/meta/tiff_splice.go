package meta

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
)

// SpliceTIFF writes encoded (the single-directory TIFF golang.org/x/image
// writes) with its IFD0 rebuilt at the end of the file: the encoder's
// entries, source's descriptive tags, ICC and IPTC, its orientation, and
// xmp as tag 700. Source tags replace the encoder's defaults (resolution).
// The encoder's bytes stay where they were, so its offsets stay valid.
func SpliceTIFF(w io.Writer, encoded []byte, source *TIFFInfo, xmp []byte) ([]string, error) {
	t, err := parseTIFFHeader(encoded)
	if err != nil {
		return nil, fmt.Errorf("meta: tiff: encoded image: %w", err)
	}
	es, next, err := t.entries(t.ifd0)
	if err != nil {
		return nil, fmt.Errorf("meta: tiff: encoded image: %w", err)
	}
	if len(xmp) == 0 {
		return nil, errors.New("meta: tiff: empty XMP packet")
	}
	tags, notes := tiffTags(t, es, source, xmp)
	out, err := appendIFD(bytes.Clone(encoded), t.order, tags, next)
	if err != nil {
		return nil, fmt.Errorf("meta: tiff: %w", err)
	}
	_, err = w.Write(out)
	return notes, err
}

// ifdField is one entry of the rebuilt directory. An inPlace field's 4
// value bytes are copied as they are: an offset into the encoder's data,
// which stays where it was.
type ifdField struct {
	TIFFTag
	inPlace bool
}

// tiffTags merges the encoder's entries with what the source carries.
func tiffTags(t tiffData, es []ifdEntry, src *TIFFInfo, xmp []byte) ([]ifdField, []string) {
	byTag := map[uint16]ifdField{}
	channels := 3
	for _, e := range es {
		inline := bytes.Clone(t.b[e.pos+8 : e.pos+12])
		byTag[e.Tag] = ifdField{TIFFTag{e.Tag, e.Type, e.Count, inline}, typeSize(e.Type)*int(e.Count) > 4}
		if v, ok := t.uint(e); ok && e.Tag == tagPhotometric && v <= 1 {
			channels = 1
		}
	}
	notes := srcFields(byTag, src, t.order, channels)
	byTag[tagXMP] = ifdField{TIFFTag: TIFFTag{Tag: tagXMP, Type: 1, Count: uint32(len(xmp)), Value: xmp}}
	keys := make([]uint16, 0, len(byTag))
	for k := range byTag {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make([]ifdField, len(keys))
	for i, k := range keys {
		out[i] = byTag[k]
	}
	return out, notes
}

// srcFields adds source's tags over the encoder's, in the output order.
func srcFields(byTag map[uint16]ifdField, src *TIFFInfo, order binary.ByteOrder, channels int) noteSet {
	var notes noteSet
	if src == nil {
		return nil
	}
	for _, s := range src.Tags {
		if s.Tag == tagICC && !iccFits(s.Value, channels) {
			notes.add(iccNote(s.Value, channels))
			continue
		}
		byTag[s.Tag] = ifdField{TIFFTag: swapTag(s, src.order(), order)}
	}
	if src.hasOrient {
		v := make([]byte, 2)
		order.PutUint16(v, uint16(src.orient))
		byTag[tagOrientation] = ifdField{TIFFTag: TIFFTag{tagOrientation, 3, 1, v}}
	}
	for _, d := range src.Dropped {
		notes.add(fmt.Sprintf("TIFF tag %d dropped: it points to a sub-directory", d))
	}
	return notes
}

// swapTag converts a value to the output byte order, element by element
// (RATIONALs are pairs of LONGs; DOUBLE is one 8-byte element).
func swapTag(s TIFFTag, from, to binary.ByteOrder) TIFFTag {
	if from == to {
		return s
	}
	size := typeSize(s.Type)
	if s.Type == 5 || s.Type == 10 {
		size = 4
	}
	v := bytes.Clone(s.Value)
	if size > 1 {
		for i := 0; i+size <= len(v); i += size {
			slices.Reverse(v[i : i+size])
		}
	}
	s.Value = v
	return s
}

// appendIFD appends the fields' long values (word aligned) and then the
// directory, and points the header at it.
func appendIFD(out []byte, order binary.ByteOrder, fields []ifdField, next uint32) ([]byte, error) {
	ifd := make([]byte, 2+12*len(fields)+4)
	order.PutUint16(ifd, uint16(len(fields)))
	for i, f := range fields {
		e := ifd[2+12*i:]
		order.PutUint16(e, f.Tag)
		order.PutUint16(e[2:], f.Type)
		order.PutUint32(e[4:], f.Count)
		if f.inPlace || len(f.Value) <= 4 {
			copy(e[8:12], f.Value)
			continue
		}
		out = pad(out)
		if uint64(len(out)) > 1<<32-1 {
			return nil, errors.New("file exceeds 4 GiB")
		}
		order.PutUint32(e[8:], uint32(len(out)))
		out = append(out, f.Value...)
	}
	out = pad(out)
	if uint64(len(out))+uint64(len(ifd)) > 1<<32-1 {
		return nil, errors.New("file exceeds 4 GiB")
	}
	order.PutUint32(ifd[len(ifd)-4:], next)
	order.PutUint32(out[4:], uint32(len(out)))
	return append(out, ifd...), nil
}

func pad(b []byte) []byte {
	if len(b)%2 == 1 {
		return append(b, 0)
	}
	return b
}

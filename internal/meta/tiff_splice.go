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
// entries, every field the source carried but its pixel layout, its
// orientation, and xmp as tag 700. The source's EXIF and GPS directories
// are written before it with their values, and IFD0 points to them. Source
// tags replace the encoder's defaults (resolution). The encoder's bytes
// stay where they were, so its offsets stay valid.
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
	out := bytes.Clone(encoded)
	var ptrs []ifdField
	if source != nil {
		if out, ptrs, err = appendSubs(out, t.order, source.subs, source.order()); err != nil {
			return nil, fmt.Errorf("meta: tiff: %w", err)
		}
	}
	fields, notes, err := tiffTags(t, es, source, xmp)
	if err != nil {
		return nil, fmt.Errorf("meta: tiff: %w", err)
	}
	out, at, err := appendIFD(out, t.order, sortFields(append(fields, ptrs...)), next)
	if err != nil {
		return nil, fmt.Errorf("meta: tiff: %w", err)
	}
	t.order.PutUint32(out[4:], at)
	_, err = w.Write(out)
	return notes, err
}

// ifdField is one entry of the rebuilt directory.
type ifdField struct {
	TIFFTag
}

// photometricChannels is how many colour channels a TIFF colour model
// (tag 262) has, for matching an ICC profile; def for the rest.
func photometricChannels(v uint32, def int) int {
	switch {
	case v <= 1:
		return 1
	case v == 5:
		return 4
	}
	return def
}

// tiffTags merges the encoder's entries with what the source carries.
// The encoder's values are copied too, so that each lands word-aligned
// as TIFF wants (x/image/tiff leaves some at odd offsets); the numbers in
// them (strip offsets) point into pixel data that does not move.
func tiffTags(t tiffData, es []ifdEntry, src *TIFFInfo, xmp []byte) ([]ifdField, []string, error) {
	byTag := map[uint16]ifdField{}
	channels := 3
	for _, e := range es {
		v, err := t.value(e)
		if err != nil {
			return nil, nil, fmt.Errorf("encoded image: %w", err)
		}
		byTag[e.Tag] = ifdField{TIFFTag{e.Tag, e.Type, e.Count, bytes.Clone(v)}}
		if v, ok := t.uint(e); ok && e.Tag == tagPhotometric {
			channels = photometricChannels(v, channels)
		}
	}
	notes := srcFields(byTag, src, t.order, channels)
	byTag[tagXMP] = ifdField{TIFFTag: TIFFTag{Tag: tagXMP, Type: 1, Count: uint32(len(xmp)), Value: xmp}}
	out := make([]ifdField, 0, len(byTag))
	for _, f := range byTag {
		out = append(out, f)
	}
	return out, notes, nil
}

// sortFields puts a directory's fields in ascending tag order, as TIFF
// requires.
func sortFields(fs []ifdField) []ifdField {
	slices.SortFunc(fs, func(a, b ifdField) int { return int(a.Tag) - int(b.Tag) })
	return fs
}

// srcFields adds source's tags over the encoder's, in the output order.
func srcFields(byTag map[uint16]ifdField, src *TIFFInfo, order binary.ByteOrder, channels int) noteSet {
	if src == nil {
		return nil
	}
	notes := slices.Clone(src.notes)
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
	if src.order() != order && src.hasMakerNote() {
		notes.add("EXIF maker note copied into a file of the other byte order: maker-specific readers may misread it")
	}
	return notes
}

// appendSubs writes each sub-directory (its own sub-directories first)
// and returns the pointer fields that lead to them.
func appendSubs(out []byte, order binary.ByteOrder, subs []tiffSub, from binary.ByteOrder) ([]byte, []ifdField, error) {
	var ptrs []ifdField
	for _, s := range subs {
		var inner []ifdField
		var err error
		if out, inner, err = appendSubs(out, order, s.dir.subs, from); err != nil {
			return nil, nil, err
		}
		fields := inner
		for _, f := range s.dir.Tags {
			fields = append(fields, ifdField{TIFFTag: swapTag(f, from, order)})
		}
		var at uint32
		if out, at, err = appendIFD(out, order, sortFields(fields), 0); err != nil {
			return nil, nil, err
		}
		v := make([]byte, 4)
		order.PutUint32(v, at)
		ptrs = append(ptrs, ifdField{TIFFTag: TIFFTag{s.tag, 4, 1, v}})
	}
	return out, ptrs, nil
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
// directory, and returns where the directory starts.
func appendIFD(out []byte, order binary.ByteOrder, fields []ifdField, next uint32) ([]byte, uint32, error) {
	ifd := make([]byte, 2+12*len(fields)+4)
	order.PutUint16(ifd, uint16(len(fields)))
	for i, f := range fields {
		e := ifd[2+12*i:]
		order.PutUint16(e, f.Tag)
		order.PutUint16(e[2:], f.Type)
		order.PutUint32(e[4:], f.Count)
		if len(f.Value) <= 4 {
			copy(e[8:12], f.Value)
			continue
		}
		out = pad(out)
		if uint64(len(out)) > 1<<32-1 {
			return nil, 0, errors.New("file exceeds 4 GiB")
		}
		order.PutUint32(e[8:], uint32(len(out)))
		out = append(out, f.Value...)
	}
	out = pad(out)
	if uint64(len(out))+uint64(len(ifd)) > 1<<32-1 {
		return nil, 0, errors.New("file exceeds 4 GiB")
	}
	order.PutUint32(ifd[len(ifd)-4:], next)
	return append(out, ifd...), uint32(len(out)), nil
}

func pad(b []byte) []byte {
	if len(b)%2 == 1 {
		return append(b, 0)
	}
	return b
}

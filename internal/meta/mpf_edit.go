package meta

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
)

// MPFile is a multi-picture JPEG (MPO, or a camera JPEG with MPF
// previews) taken apart: its MPF index payload and each image the index
// names after the first, cut out of the file where the index says.
type MPFile struct {
	Index  []byte    // the primary's APP2 payload, "MPF\0" included
	Images []MPImage // the index entries, primary first
	Parts  [][]byte  // the bytes of Images[1:], in order
}

// SplitMPF finds the MP index of a JPEG and the images it points to.
// ok is false when the file has no index naming more than one image.
func SplitMPF(data []byte) (*MPFile, bool, error) {
	f, err := WalkJPEG(data)
	if err != nil {
		return nil, false, err
	}
	for _, m := range f.Marks {
		if m.Marker != mAPP2 || !bytes.HasPrefix(data[m.Off+4:m.End], []byte("MPF\x00")) {
			continue
		}
		mp := &MPFile{Index: bytes.Clone(data[m.Off+4 : m.End])}
		if mp.Images, err = ParseMPF(mp.Index); err != nil || len(mp.Images) < 2 {
			return nil, false, err
		}
		header := uint64(m.Off + 8) // the MP header: offsets count from here
		for i, im := range mp.Images[1:] {
			start, end := header+uint64(im.Offset), header+uint64(im.Offset)+uint64(im.Size)
			if im.Offset == 0 || end > uint64(len(data)) || start < uint64(f.EOI+2) {
				return nil, false, fmt.Errorf("meta: mpf: image %d (%d bytes at %d) is not after the picture in the file", i+2, im.Size, start)
			}
			mp.Parts = append(mp.Parts, data[start:end])
		}
		return mp, true, nil
	}
	return nil, false, nil
}

// mpEntries locates the MP entry list in an MPF payload: the TIFF data
// after "MPF\0" and where the 16-byte entries start in it.
func mpEntries(payload []byte) (tiffData, int, int, error) {
	if !bytes.HasPrefix(payload, []byte("MPF\x00")) {
		return tiffData{}, 0, 0, errors.New("meta: mpf: not an MPF segment")
	}
	t, err := parseTIFFHeader(payload[4:])
	if err != nil {
		return tiffData{}, 0, 0, fmt.Errorf("meta: mpf: %w", err)
	}
	es, _, err := t.entries(t.ifd0)
	if err != nil {
		return tiffData{}, 0, 0, fmt.Errorf("meta: mpf: %w", err)
	}
	e, ok := find(es, tagMPEntry)
	if !ok {
		return tiffData{}, 0, 0, errors.New("meta: mpf: no MP entry list")
	}
	at, n, err := t.valueAt(e)
	if err != nil || n%16 != 0 {
		return tiffData{}, 0, 0, errors.New("meta: mpf: bad MP entry list")
	}
	return t, at, n / 16, nil
}

// setEntries writes sizes and offsets into a copy of an MPF payload.
func setEntries(payload []byte, sizes, offsets []uint32) ([]byte, error) {
	out := bytes.Clone(payload)
	t, at, n, err := mpEntries(out)
	if err != nil {
		return nil, err
	}
	if n != len(sizes) {
		return nil, fmt.Errorf("meta: mpf: the index lists %d images, %d are written", n, len(sizes))
	}
	for i := range n {
		t.order.PutUint32(t.b[at+16*i+4:], sizes[i])
		t.order.PutUint32(t.b[at+16*i+8:], offsets[i])
	}
	return out, nil
}

// JoinMPF writes a multi-picture JPEG: primary with the MP index (the
// source's, its sizes and offsets set for the new bytes) inserted as an
// APP2 segment after the EXIF APP1 (or at the start), then the images.
func JoinMPF(primary, index []byte, images [][]byte) ([]byte, error) {
	f, err := WalkJPEG(primary)
	if err != nil {
		return nil, err
	}
	if len(index)+2 > 65535 {
		return nil, errors.New("meta: mpf: index too large for a segment")
	}
	at := mpfInsertAt(primary, f)
	header := at + 8
	size := uint64(len(primary) + 4 + len(index))
	sizes, offsets := []uint32{uint32(size)}, []uint32{0}
	next := size
	for _, im := range images {
		if next+uint64(len(im)) > 1<<32-1 {
			return nil, errors.New("meta: mpf: file exceeds 4 GiB")
		}
		sizes, offsets = append(sizes, uint32(len(im))), append(offsets, uint32(next-uint64(header)))
		next += uint64(len(im))
	}
	payload, err := setEntries(index, sizes, offsets)
	if err != nil {
		return nil, err
	}
	out := app2At(primary, at, payload)
	for _, im := range images {
		out = append(out, im...)
	}
	return out, nil
}

// mpfInsertAt is where the MP index goes: after the APP0 and EXIF APP1
// segments that lead the file, as CIPA DC-007 lays it out.
func mpfInsertAt(data []byte, f *JPEGFile) int {
	at := 2
	for _, m := range f.Marks[1:] {
		app0 := m.Marker == mAPP0
		exif := m.Marker == mAPP1 && bytes.HasPrefix(data[m.Off+4:m.End], exifPrefix)
		if !app0 && !exif {
			break
		}
		at = m.End
	}
	return at
}

// ShiftMPF returns a copy of an MPF payload for a primary image that grew
// by grow bytes, of which shift lie between the MP header and the images
// after it: the primary's size and every other image's offset move.
func ShiftMPF(payload []byte, grow, shift int) ([]byte, error) {
	t, at, n, err := mpEntries(payload)
	if err != nil {
		return nil, err
	}
	sizes, offsets := make([]uint32, n), make([]uint32, n)
	for i := range n {
		sizes[i], offsets[i] = t.order.Uint32(t.b[at+16*i+4:]), t.order.Uint32(t.b[at+16*i+8:])
		if i == 0 {
			sizes[i] = uint32(int64(sizes[i]) + int64(grow))
		} else if offsets[i] != 0 {
			offsets[i] = uint32(int64(offsets[i]) + int64(shift))
		}
	}
	return setEntries(payload, sizes, offsets)
}

// InsertMPF puts an MPF APP2 payload into a JPEG where CIPA DC-007 wants
// it (after APP0 and the EXIF APP1). An individual image's MP attribute
// payload has no offsets, so it goes in as it is.
func InsertMPF(jpg, payload []byte) ([]byte, error) {
	f, err := WalkJPEG(jpg)
	if err != nil {
		return nil, err
	}
	if len(payload)+2 > 65535 {
		return nil, errors.New("meta: mpf: payload too large for a segment")
	}
	return app2At(jpg, mpfInsertAt(jpg, f), payload), nil
}

// app2At is a copy of jpg with an APP2 segment of payload at offset at.
func app2At(jpg []byte, at int, payload []byte) []byte {
	out := append(bytes.Clone(jpg[:at]), 0xFF, mAPP2)
	out = binary.BigEndian.AppendUint16(out, uint16(len(payload)+2))
	return append(append(out, payload...), jpg[at:]...)
}

// MPFPayload is a JPEG's first APP2 "MPF\0" payload, nil without one.
func MPFPayload(jpg []byte) []byte {
	f, err := WalkJPEG(jpg)
	if err != nil {
		return nil
	}
	for _, m := range f.Marks {
		if m.Marker == mAPP2 && bytes.HasPrefix(jpg[m.Off+4:m.End], []byte("MPF\x00")) {
			return bytes.Clone(jpg[m.Off+4 : m.End])
		}
	}
	return nil
}

package meta

import (
	"bytes"
	"errors"
	"fmt"
)

// EXIF IFD1 tags of a thumbnail.
const (
	tagThumbOffset = 0x0201 // JPEGInterchangeFormat
	tagThumbLength = 0x0202 // JPEGInterchangeFormatLength
	tagStripOffset = 0x0111
	tagStripCount  = 0x0117
)

// Thumbnailer makes thumbnails of the labeled picture, in its stored
// orientation, for the metadata that carries one.
type Thumbnailer interface {
	// JPEG is a JPEG thumbnail of at most max bytes, or an error when it
	// cannot be that small.
	JPEG(max int) ([]byte, error)
	// RGB is the picture scaled to w×h, three bytes a pixel, row after
	// row: an uncompressed EXIF thumbnail, as older cameras write them.
	RGB(w, h int) ([]byte, error)
}

// JPEGThumbs is a Thumbnailer that makes JPEG thumbnails with f and no
// uncompressed ones.
type JPEGThumbs func(max int) ([]byte, error)

// JPEG implements Thumbnailer.
func (f JPEGThumbs) JPEG(max int) ([]byte, error) { return f(max) }

// RGB implements Thumbnailer: it has none to give.
func (JPEGThumbs) RGB(int, int) ([]byte, error) {
	return nil, errors.New("meta: no uncompressed thumbnails")
}

// exifThumb is where an EXIF block's IFD1 thumbnail is.
type exifThumb struct {
	t            tiffData
	ifd1         uint32
	off, length  ifdEntry // JPEGInterchangeFormat(Length), if JPEG
	from, to     int      // the thumbnail's bytes, clipped to the block
	uncompressed bool
	rgbW, rgbH   int // an uncompressed thumbnail Belgi can write: 8-bit RGB in one strip
}

// findThumb locates IFD1's thumbnail; ok is false without IFD1, or
// when IFD1 names no picture (some cameras link IFD0 to itself there).
func findThumb(exif []byte) (exifThumb, bool, error) {
	t, err := parseTIFFHeader(exif)
	if err != nil {
		return exifThumb{}, false, err
	}
	_, next, err := t.entries(t.ifd0)
	if err != nil || next == 0 {
		return exifThumb{}, false, err
	}
	es, _, err := t.entries(next)
	if err != nil {
		return exifThumb{t: t, ifd1: next}, true, nil // IFD1 unreadable: unlink it
	}
	x := exifThumb{t: t, ifd1: next}
	o, ok1 := find(es, tagThumbOffset)
	l, ok2 := find(es, tagThumbLength)
	if ok1 && ok2 {
		x.off, x.length = o, l
		x.from, x.to = x.clip(o, l)
		return x, true, nil
	}
	s, ok := find(es, tagStripOffset)
	if !ok {
		return exifThumb{}, false, nil
	}
	c, _ := find(es, tagStripCount)
	x.uncompressed = true
	x.from, x.to = x.clip(s, c)
	// A strip that starts before IFD1's entries end overlaps them, in a
	// damaged block: redrawing it would write pixels over them.
	if s.Count == 1 && c.Count == 1 && x.from >= int(next)+2+12*len(es)+4 {
		x.rgbW, x.rgbH = rgbLayout(t, es, x.to-x.from)
	}
	return x, true, nil
}

// rgbLayout is the size of IFD1's uncompressed thumbnail when it is
// 8-bit RGB, pixel after pixel, in one strip it fills exactly (n bytes):
// the layout Kodak's and Minolta's cameras wrote, which a new thumbnail
// can take in place. Otherwise it is 0×0.
func rgbLayout(t tiffData, es []ifdEntry, n int) (int, int) {
	l, err := layoutOf(t, es)
	if err != nil || l.Compression != 1 || l.Photometric != 2 || l.SamplesPerPixel != 3 || l.ExtraSamples != 0 ||
		l.Planar != 1 || l.Tiled || len(l.Segments) != 1 || l.Width > 1024 || l.Height > 1024 || l.Width*l.Height*3 != n {
		return 0, 0
	}
	e, _ := find(es, 258) // BitsPerSample: 8 for each of the three
	b, err := t.value(e)
	if err != nil || e.Type != 3 || e.Count != 3 {
		return 0, 0
	}
	for i := range 3 {
		if t.order.Uint16(b[2*i:]) != 8 {
			return 0, 0
		}
	}
	return l.Width, l.Height
}

// clip turns an offset entry and a length entry into a byte range of the
// block, cut at its end; empty when either is unreadable.
func (x exifThumb) clip(offset, length ifdEntry) (int, int) {
	off, ok1 := x.t.uint(offset)
	n, ok2 := x.t.uint(length)
	if !ok1 || !ok2 || uint64(off) >= uint64(len(x.t.b)) {
		return 0, 0
	}
	return int(off), int(min(uint64(off)+uint64(n), uint64(len(x.t.b))))
}

// exifRegenerateThumbnail returns exif (without "Exif\0\0") whose IFD1
// thumbnail is replaced by one made from the labeled picture, and whether
// there was a thumbnail. The old thumbnail's bytes are cut off when they
// end the block, else overwritten with zeros, so no copy of the unlabeled
// picture stays. The new one takes the old one's place when it fits
// there (a camera's block often fills the segment's 64 KB, with maker
// notes after the thumbnail, and leaves no room to append), else it is
// appended; IFD1 points to it and nothing else moves, so every other
// offset stays valid. An uncompressed 8-bit RGB thumbnail is redrawn in
// its own bytes. A thumbnail that cannot be made (or an uncompressed
// one of another layout) is removed and IFD1 unlinked.
func exifRegenerateThumbnail(exif []byte, thumb Thumbnailer, room int) ([]byte, string, error) {
	x, ok, err := findThumb(exif)
	if err != nil || !ok {
		return exif, "", nil // unreadable EXIF: the scrub still erases pictures
	}
	out := bytes.Clone(exif)
	clear(out[x.from:x.to])
	const regenerated = "EXIF thumbnail regenerated from the labeled picture"
	if x.rgbW > 0 && thumb != nil {
		if px, err := thumb.RGB(x.rgbW, x.rgbH); err == nil && len(px) == x.to-x.from {
			copy(out[x.from:], px)
			return out, regenerated, nil
		}
	}
	slot := x.to - x.from // the old thumbnail's place, zeroed
	if x.to == len(out) && x.from >= int(x.ifd1) {
		out, slot = out[:x.from], 0
	}
	var data []byte
	if !x.uncompressed && x.off.Count == 1 && thumb != nil {
		data, err = thumb.JPEG(max(room-len(out)-1, slot))
	}
	const removed = "EXIF thumbnail removed: it showed the picture without its label"
	if data == nil || err != nil {
		return unlinkIFD1(out, x), removed, nil
	}
	at, end := x.from, len(out)
	if len(data) <= slot {
		copy(out[at:], data)
	} else {
		out = pad(out)
		at, end = len(out), len(out)
		out = append(out, data...)
	}
	t := tiffData{b: out, order: x.t.order}
	if !t.putUint(x.off, uint32(at)) || !t.putUint(x.length, uint32(len(data))) {
		clear(out[at : at+len(data)])
		return unlinkIFD1(out[:end], x), removed, nil
	}
	return out, regenerated, nil
}

// unlinkIFD1 makes IFD0 point to no next directory.
func unlinkIFD1(b []byte, x exifThumb) []byte {
	t := tiffData{b: b, order: x.t.order, ifd0: x.t.ifd0}
	es, _, err := t.entries(t.ifd0)
	if err == nil {
		t.order.PutUint32(b[int(t.ifd0)+2+12*len(es):], 0)
	}
	return b
}

// putUint sets an inline SHORT or LONG entry's first value.
func (t tiffData) putUint(e ifdEntry, v uint32) bool {
	switch {
	case e.Type == 4 && e.Count == 1:
		t.order.PutUint32(t.b[e.pos+8:], v)
	case e.Type == 3 && e.Count == 1 && v <= 0xFFFF:
		t.order.PutUint16(t.b[e.pos+8:], uint16(v))
	default:
		return false
	}
	return true
}

// scrubPictures overwrites with zeros every embedded JPEG in b outside
// keep (a maker note's preview, a second thumbnail). Maker notes are
// private formats, so a picture in them can only be recognised by its
// signature; each candidate is then walked as a JPEG and only a real one
// (a frame header and a scan) is erased. It returns how many it erased.
func scrubPictures(b []byte, keepFrom, keepTo int) int {
	n := 0
	for p := 0; p+3 <= len(b); {
		i := bytes.Index(b[p:], []byte{0xFF, mSOI, 0xFF})
		if i < 0 {
			break
		}
		p += i
		end := pictureEnd(b[p:])
		if end <= 0 || (p >= keepFrom && p < keepTo) {
			p++
			continue
		}
		clear(b[p : p+end])
		n++
		p += end
	}
	return n
}

// pictureEnd is the length of the JPEG at the start of b when it has a
// frame header and a scan (cut short by the end of b or not), else 0.
func pictureEnd(b []byte) int {
	f, err := WalkJPEG(b)
	if err == nil && f.Frames() > 0 && f.Scans() > 0 {
		return f.EOI + 2
	}
	if info, err := ParseJPEG(b); err == nil && info.Width > 0 {
		return len(b) // a scan cut off by the end of the block: erase to it
	}
	return 0
}

// exifRemovePictures regenerates the IFD1 thumbnail and erases any other
// picture in the block; room is the most the block may grow to.
func exifRemovePictures(exif []byte, thumb Thumbnailer, room int) ([]byte, []string, error) {
	out, note, err := exifRegenerateThumbnail(exif, thumb, room)
	if err != nil {
		return exif, nil, err
	}
	var notes []string
	if note != "" {
		notes = append(notes, note)
	}
	keepFrom, keepTo := len(out), len(out)
	if x, ok, _ := findThumb(out); ok {
		keepFrom, keepTo = x.from, x.to
	}
	if len(out) > 0 && &out[0] == &exif[0] {
		out = bytes.Clone(out)
	}
	if n := scrubPictures(out, keepFrom, keepTo); n > 0 {
		notes = append(notes, fmt.Sprintf("%d preview picture(s) in the EXIF maker notes erased: they showed the picture without its label", n))
	}
	return out, notes, nil
}

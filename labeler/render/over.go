package render

import (
	"encoding/binary"
	"image"
)

// Over composites a premultiplied patch onto an RGBA picture with its
// top-left at at, clipped to the picture. It is image/draw's "over" for
// this one pair of types in 8-bit integer arithmetic: the preview redraws
// a label covering a third of the picture on every setting change, and
// draw's general 16-bit path took half of that frame's time.
func Over(dst, patch *image.RGBA, at image.Point) {
	r := patch.Rect.Add(at).Intersect(dst.Rect)
	if r.Empty() {
		return
	}
	n := 4 * r.Dx()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		d := dst.Pix[dst.PixOffset(r.Min.X, y):][:n]
		s := patch.Pix[patch.PixOffset(r.Min.X-at.X, y-at.Y):][:n]
		overRow(d, s)
	}
}

// overRow blends one row: d = s + d×(1−αs), per channel. Pixels are
// handled as 32-bit words with two channels per multiply (red and blue,
// green and alpha), the classic way to blend 8-bit RGBA without floats.
func overRow(d, s []byte) {
	for i := 0; i+3 < len(s) && i+3 < len(d); i += 4 {
		sp := binary.LittleEndian.Uint32(s[i:])
		a := sp >> 24
		switch a {
		case 0:
			continue
		case 255:
			binary.LittleEndian.PutUint32(d[i:], sp)
			continue
		}
		dp := binary.LittleEndian.Uint32(d[i:])
		k := 255 - a
		rb := lanes255((dp & 0x00FF00FF) * k)
		ga := lanes255((dp >> 8 & 0x00FF00FF) * k)
		binary.LittleEndian.PutUint32(d[i:], sp+(rb|ga<<8))
	}
}

// lanes255 divides two 16-bit lanes (bits 0–15 and 16–31) by 255,
// rounded, and returns them as 8-bit values in bits 0–7 and 16–23.
func lanes255(x uint32) uint32 {
	x += 0x00800080
	return (x + (x >> 8 & 0x00FF00FF)) >> 8 & 0x00FF00FF
}

package meta

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// WebPFrame is one frame (ANMF chunk) of an animated WebP: where it is
// drawn on the canvas, for how long it shows, how, and its bitstream
// chunks (ALPH, then VP8 or VP8L).
type WebPFrame struct {
	X, Y, Width, Height int
	Duration            int  // milliseconds
	Blend               bool // alpha-blend onto the canvas (else replace)
	Dispose             bool // clear to the background after showing
	Chunks              []RIFFChunk
}

// Lossless reports whether the frame is coded with VP8L.
func (f WebPFrame) Lossless() bool {
	for _, c := range f.Chunks {
		if c.FourCC == "VP8L" {
			return true
		}
	}
	return false
}

// Frames reads an animated WebP's ANMF chunks, in order.
func (w *WebPInfo) Frames() ([]WebPFrame, error) {
	var out []WebPFrame
	for _, c := range w.Chunks {
		if c.FourCC != "ANMF" {
			continue
		}
		f, err := parseANMF(c.Data)
		if err != nil {
			return nil, fmt.Errorf("meta: webp: frame %d: %w", len(out)+1, err)
		}
		out = append(out, f)
	}
	return out, nil
}

func parseANMF(d []byte) (WebPFrame, error) {
	if len(d) < 16 {
		return WebPFrame{}, errors.New("ANMF chunk too short")
	}
	f := WebPFrame{X: 2 * int(le24(d)), Y: 2 * int(le24(d[3:])), Width: 1 + int(le24(d[6:])),
		Height: 1 + int(le24(d[9:])), Duration: int(le24(d[12:])), Blend: d[15]&2 == 0, Dispose: d[15]&1 == 1}
	for p := 16; p < len(d); {
		if p+8 > len(d) {
			return WebPFrame{}, fmt.Errorf("truncated sub-chunk at %d", p)
		}
		n := int(binary.LittleEndian.Uint32(d[p+4:]))
		if n < 0 || p+8+n > len(d) {
			return WebPFrame{}, fmt.Errorf("sub-chunk %q runs past the frame", d[p:p+4])
		}
		f.Chunks = append(f.Chunks, RIFFChunk{string(d[p : p+4]), d[p+8 : p+8+n]})
		p += 8 + n + n&1
	}
	return f, nil
}

// anmfData is an ANMF chunk's payload.
func (f WebPFrame) anmfData() ([]byte, error) {
	if f.X%2 != 0 || f.Y%2 != 0 || f.Width < 1 || f.Height < 1 || f.Width > 1<<24 || f.Height > 1<<24 ||
		f.Duration < 0 || f.Duration >= 1<<24 || f.X >= 1<<25 || f.Y >= 1<<25 {
		return nil, fmt.Errorf("frame %d×%d at %d,%d for %d ms cannot be stored", f.Width, f.Height, f.X, f.Y, f.Duration)
	}
	d := make([]byte, 16)
	putLE24(d, uint32(f.X/2))
	putLE24(d[3:], uint32(f.Y/2))
	putLE24(d[6:], uint32(f.Width-1))
	putLE24(d[9:], uint32(f.Height-1))
	putLE24(d[12:], uint32(f.Duration))
	if !f.Blend {
		d[15] |= 2
	}
	if f.Dispose {
		d[15] |= 1
	}
	for _, c := range f.Chunks {
		d = append(d, c.FourCC...)
		d = binary.LittleEndian.AppendUint32(d, uint32(len(c.Data)))
		d = append(d, c.Data...)
		if len(c.Data)%2 == 1 {
			d = append(d, 0)
		}
	}
	return d, nil
}

// hasAlpha reports whether a frame's bitstream carries transparency.
func (f WebPFrame) hasAlpha() bool {
	for _, c := range f.Chunks {
		if _, _, alpha, err := bitstreamSize(c); c.FourCC == "ALPH" || (c.FourCC == "VP8L" && err == nil && alpha) {
			return true
		}
	}
	return false
}

// SpliceAnimatedWebP writes an animated WebP of the given canvas and
// frames, with the source's ANIM chunk (background colour, loop count),
// ICC profile and EXIF, and xmp as its XMP chunk, in the order the
// container specification sets.
func SpliceAnimatedWebP(w io.Writer, width, height int, frames []WebPFrame, source *WebPInfo, xmp []byte) ([]string, error) {
	if len(xmp) == 0 || len(frames) == 0 {
		return nil, errors.New("meta: webp: no frames or empty XMP packet")
	}
	var notes noteSet
	icc, exif := webpCarried(source, &notes, true)
	flags := byte(webpAnim | webpXMP)
	var body []RIFFChunk
	if icc != nil {
		flags |= webpICC
		body = append(body, RIFFChunk{"ICCP", icc})
	}
	body = append(body, RIFFChunk{"ANIM", animOf(source)})
	for i, f := range frames {
		d, err := f.anmfData()
		if err != nil {
			return nil, fmt.Errorf("meta: webp: frame %d: %w", i+1, err)
		}
		if f.hasAlpha() {
			flags |= webpAlpha
		}
		body = append(body, RIFFChunk{"ANMF", d})
	}
	if exif != nil {
		flags |= webpEXIF
		body = append(body, RIFFChunk{"EXIF", exif})
	}
	body = append(body, RIFFChunk{"XMP ", xmp})
	return notes, writeRIFF(w, append([]RIFFChunk{{"VP8X", vp8xData(flags, width, height)}}, body...))
}

// animOf is the source's ANIM payload, or a transparent background and
// endless looping when it has none.
func animOf(src *WebPInfo) []byte {
	if src != nil {
		for _, c := range src.Chunks {
			if c.FourCC == "ANIM" && len(c.Data) >= 6 {
				return c.Data[:6]
			}
		}
	}
	return make([]byte, 6)
}

package meta

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// SpliceWebP writes encoded (a still WebP: VP8 or VP8L, possibly with
// VP8X+ALPH) as an extended WebP carrying source's ICC profile and EXIF
// and xmp as its XMP chunk, with VP8X flags and canvas set to match.
// It returns notes for each kind of chunk it dropped.
func SpliceWebP(w io.Writer, encoded []byte, source *WebPInfo, xmp []byte) ([]string, error) {
	enc, err := ParseWebP(encoded)
	if err != nil {
		return nil, fmt.Errorf("meta: webp: encoded image: %w", err)
	}
	if enc.Animated {
		return nil, errors.New("meta: webp: encoded image is animated, want a still")
	}
	if len(xmp) == 0 {
		return nil, errors.New("meta: webp: empty XMP packet")
	}
	var notes noteSet
	icc, exif := webpCarried(source, &notes, false)
	var body []RIFFChunk
	flags := byte(webpXMP)
	if icc != nil {
		flags |= webpICC
		body = append(body, RIFFChunk{"ICCP", icc})
	}
	for _, c := range enc.Chunks {
		if c.FourCC == "ALPH" || c.FourCC == "VP8 " || c.FourCC == "VP8L" {
			body = append(body, c)
		}
	}
	if enc.Alpha {
		flags |= webpAlpha
	}
	if exif != nil {
		flags |= webpEXIF
		body = append(body, RIFFChunk{"EXIF", exif})
	}
	body = append(body, RIFFChunk{"XMP ", xmp})
	vp8x := RIFFChunk{"VP8X", vp8xData(flags, enc.Width, enc.Height)}
	return notes, writeRIFF(w, append([]RIFFChunk{vp8x}, body...))
}

// webpCarried picks what of the source goes along and notes the rest;
// animation chunks are the caller's when animated.
func webpCarried(src *WebPInfo, notes *noteSet, animated bool) (icc, exif []byte) {
	if src == nil {
		return nil, nil
	}
	if src.ICC != nil && !iccFits(src.ICC, 3) {
		notes.add(iccNote(src.ICC, 3))
	} else {
		icc = src.ICC
	}
	for _, c := range src.Chunks {
		switch c.FourCC {
		case "VP8X", "VP8 ", "VP8L", "ALPH", "ICCP", "EXIF", "XMP ":
		case "ANIM", "ANMF":
			if !animated {
				notes.add("WebP animation dropped: the output is a still image")
			}
		case "C2PA":
			notes.add("C2PA manifest dropped: its hash binding no longer matches; carry it as an ingredient")
		default:
			notes.add(fmt.Sprintf("unknown chunk %q dropped", c.FourCC))
		}
	}
	return icc, src.EXIF
}

func vp8xData(flags byte, w, h int) []byte {
	d := make([]byte, 10)
	d[0] = flags
	putLE24(d[4:], uint32(w-1))
	putLE24(d[7:], uint32(h-1))
	return d
}

func putLE24(b []byte, v uint32) { b[0], b[1], b[2] = byte(v), byte(v>>8), byte(v>>16) }

// writeRIFF writes a RIFF/WEBP file, padding odd chunks to even length
// and setting the RIFF size to what was written.
func writeRIFF(w io.Writer, chunks []RIFFChunk) error {
	var b bytes.Buffer
	b.WriteString("RIFF\x00\x00\x00\x00WEBP")
	for _, c := range chunks {
		if uint64(len(c.Data)) > 1<<32-2 {
			return fmt.Errorf("meta: webp: chunk %q too large", c.FourCC)
		}
		b.WriteString(c.FourCC)
		b.Write(binary.LittleEndian.AppendUint32(nil, uint32(len(c.Data))))
		b.Write(c.Data)
		if len(c.Data)%2 == 1 {
			b.WriteByte(0)
		}
	}
	out := b.Bytes()
	if uint64(len(out)) > 1<<32-1 {
		return errors.New("meta: webp: file exceeds 4 GiB")
	}
	binary.LittleEndian.PutUint32(out[4:], uint32(len(out)-8))
	_, err := w.Write(out)
	return err
}

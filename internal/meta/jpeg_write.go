package meta

import (
	"bytes"
	"errors"
	"fmt"
	"io"
)

// MaxJPEGXMP is the largest standard XMP packet one APP1 can hold (XMP
// specification part 3, 1.1.3).
const MaxJPEGXMP = 65502

// WriteJPEG writes a JPEG made of SOI, the source's APPn and COM segments
// in their original order with the standard XMP replaced by xmp, and the
// encoder's frame (DQT..EOI; a leading SOI and APPn/COM segments in it are
// skipped, the source's take their place). A nil info writes the frame
// with only the XMP. It returns notes for each
// segment kind it had to drop.
func WriteJPEG(w io.Writer, info *JPEGInfo, xmp, frame []byte) ([]string, error) {
	if info == nil {
		info = &JPEGInfo{AdobeTransform: -1}
	}
	body, channels, err := jpegFrame(frame)
	if err != nil {
		return nil, fmt.Errorf("meta: jpeg: encoded frame: %w", err)
	}
	xmp, err = fitXMP(xmp, MaxJPEGXMP)
	if err != nil {
		return nil, fmt.Errorf("meta: jpeg: %w", err)
	}
	segs, notes := jpegSegments(info, xmp, channels)
	// The header is built first, so a segment that cannot be written
	// leaves w untouched; the frame, nearly all of the file, is then
	// written as it is, not copied into a buffer of its own first.
	var head bytes.Buffer
	head.Write([]byte{0xFF, mSOI})
	for _, s := range segs {
		if err := writeSegment(&head, s); err != nil {
			return nil, fmt.Errorf("meta: jpeg: %w", err)
		}
	}
	if _, err := w.Write(head.Bytes()); err != nil {
		return notes, err
	}
	_, err = w.Write(body)
	return notes, err
}

// jpegFrame finds where the encoder's tables start and how many colour
// channels its frame has.
func jpegFrame(frame []byte) ([]byte, int, error) {
	p := 0
	if len(frame) >= 2 && frame[0] == 0xFF && frame[1] == mSOI {
		p = 2
	}
	start, channels := -1, 0
	_, _, err := walkJPEG(frame, p, func(m byte, payload []byte, off int) error {
		if (m < mAPP0 || m > mAPPF) && m != mCOM && start < 0 {
			start = off
		}
		if isSOF(m) && len(payload) >= 6 {
			channels = int(payload[5])
		}
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	if start < 0 || channels == 0 {
		return nil, 0, errors.New("no frame header")
	}
	return frame[start:], channels, nil
}

// jpegSegments decides, segment by segment, what the output carries.
func jpegSegments(info *JPEGInfo, xmp []byte, channels int) ([]Segment, []string) {
	var out []Segment
	var notes noteSet
	placed := false
	keepExt := info.ExtendedXMPGUID != "" && bytes.Contains(xmp, []byte(info.ExtendedXMPGUID))
	for _, s := range info.Segments {
		switch {
		case isStdXMP(s):
			if !placed {
				out = append(out, xmpSegment(xmp))
				placed = true
			}
		case isExtXMP(s) && !keepExt:
			notes.add("Extended XMP dropped: the new XMP packet no longer points to it")
		case isICC(s) && !iccFits(info.ICC, channels):
			notes.add(iccNote(info.ICC, channels))
		case isAdobe(s) && !info.SameCoding && !adobeFits(info.AdobeTransform, channels):
			notes.add("Adobe APP14 dropped: its colour transform does not match the new frame")
		case isMPF(s):
			notes.add("MPF index dropped: the images it pointed at are not carried")
		case isC2PA(s):
			notes.add("C2PA manifest (APP11) dropped: its hash binding no longer matches; carry it as an ingredient")
		default:
			out = append(out, s)
		}
	}
	if !placed {
		out = insertAfterHeaders(out, xmpSegment(xmp))
	}
	return out, notes
}

// adobeFits: Go's encoder writes YCbCr for three channels, which an APP14
// saying "no transform" would turn into false colours; four channels are
// written as plain (inverted) CMYK, which needs transform 0 and without
// an APP14 at all would not decode.
func adobeFits(transform, channels int) bool {
	return channels == 1 || (channels == 3 && transform == 1) || (channels == 4 && transform == 0)
}

func xmpSegment(xmp []byte) Segment {
	return Segment{Marker: mAPP1, Data: append(bytes.Clone(nsXMP), xmp...)}
}

// insertAfterHeaders puts s right after JFIF APP0 and EXIF APP1, where
// readers that stop early (and the XMP specification) expect it.
func insertAfterHeaders(segs []Segment, s Segment) []Segment {
	at := 0
	for i, x := range segs {
		if isJFIF(x) || isEXIF(x) {
			at = i + 1
		}
	}
	out := append(segs[:at:at], s)
	return append(out, segs[at:]...)
}

func writeSegment(b *bytes.Buffer, s Segment) error {
	if len(s.Data) > 65533 {
		return fmt.Errorf("segment 0x%02X payload of %d bytes exceeds 65533", s.Marker, len(s.Data))
	}
	n := len(s.Data) + 2
	b.Write([]byte{0xFF, s.Marker, byte(n >> 8), byte(n)})
	b.Write(s.Data)
	return nil
}

// fitXMP trims the packet's trailing padding if that is what makes it
// too big; the padding is only there for in-place edits.
func fitXMP(xmp []byte, limit int) ([]byte, error) {
	if len(xmp) == 0 {
		return nil, errors.New("empty XMP packet")
	}
	if len(xmp) <= limit {
		return xmp, nil
	}
	end := bytes.LastIndex(xmp, []byte("<?xpacket end"))
	if end > 0 {
		body := bytes.TrimRight(xmp[:end], " \t\r\n")
		xmp = append(append(bytes.Clone(body), '\n'), xmp[end:]...)
	}
	if len(xmp) > limit {
		return nil, fmt.Errorf("XMP packet of %d bytes exceeds %d", len(xmp), limit)
	}
	return xmp, nil
}

// noteSet collects notes once each, in the order first seen.
type noteSet []string

func (n *noteSet) add(s string) {
	for _, x := range *n {
		if x == s {
			return
		}
	}
	*n = append(*n, s)
}

// SetOrientation sets the EXIF orientation (1..8) for the output, for a
// caller that rotated the pixels upright. The source bytes are untouched.
func (j *JPEGInfo) SetOrientation(o int) error {
	if j.EXIF == nil && o != 1 {
		return fmt.Errorf("meta: jpeg: no EXIF to set orientation %d in", o)
	}
	return j.editEXIF(func(e []byte) ([]byte, error) { return exifSetOrientation(e, o) })
}

func (j *JPEGInfo) editEXIF(f func([]byte) ([]byte, error)) error {
	for i, s := range j.Segments {
		if !isEXIF(s) {
			continue
		}
		e, err := f(s.Data[len(exifPrefix):])
		if err != nil {
			return fmt.Errorf("meta: jpeg: %w", err)
		}
		j.Segments[i].Data = append(bytes.Clone(exifPrefix), e...)
		j.EXIF = j.Segments[i].Data[len(exifPrefix):]
		return nil
	}
	return nil
}

package meta

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
)

// JPEG marker codes this package cares about.
const (
	mSOI  = 0xD8
	mEOI  = 0xD9
	mSOS  = 0xDA
	mDQT  = 0xDB
	mDRI  = 0xDD
	mAPP0 = 0xE0
	mAPP1 = 0xE1
	mAPP2 = 0xE2
	mAPPB = 0xEB
	mAPPD = 0xED
	mAPPE = 0xEE
	mAPPF = 0xEF
	mCOM  = 0xFE
)

// Segment is one APPn or COM segment, kept raw so it can be copied
// verbatim: Data is the payload after the two length bytes.
type Segment struct {
	Marker byte // 0xE0..0xEF (APP0..APP15) or 0xFE (COM)
	Data   []byte
}

// Component is one colour component of a JPEG frame.
type Component struct {
	ID, H, V, Tq byte
}

// JPEGInfo is what a JPEG carries besides its entropy-coded data.
type JPEGInfo struct {
	// Segments are the APPn and COM segments in file order.
	Segments []Segment
	// EXIF is the TIFF structure of the first EXIF APP1, without "Exif\0\0".
	EXIF []byte
	// XMP is the standard XMP packet; ExtendedXMP is the reassembled
	// extended packet with the GUID the standard one names it by.
	XMP, ExtendedXMP []byte
	ExtendedXMPGUID  string
	// ICC is the reassembled ICC profile (nil if chunks are missing).
	ICC []byte
	// Photoshop is the APP13 image resource data; IPTC is its IPTC-IIM
	// resource (0x0404), where most newsroom captions live.
	Photoshop, IPTC []byte
	// AdobeTransform is APP14's transform byte: 0 none (RGB/CMYK),
	// 1 YCbCr, 2 YCCK; -1 without an Adobe segment.
	AdobeTransform int
	// SameCoding says the frame WriteJPEG gets keeps the source's colour
	// coding (it was rewritten in the coefficient domain), so the Adobe
	// segment is kept as it is.
	SameCoding bool
	// DQT holds each DQT segment's payload in order, for quality estimates.
	DQT [][]byte
	// SOF is the frame marker: 0xC0 baseline, 0xC1 extended, 0xC2
	// progressive, 0xC3 lossless, 0xC9.. arithmetic.
	SOF             byte
	Precision       int
	Width, Height   int
	Components      []Component
	RestartInterval int // 0 when restart markers are not used
	// Stray lists offsets of bytes between segments that belong to none
	// (skipped, as libjpeg does; they are not written back).
	Stray []int
}

// Progressive reports whether the frame is progressive (SOF2, 6, 10, 14).
func (j *JPEGInfo) Progressive() bool {
	return j.SOF == 0xC2 || j.SOF == 0xC6 || j.SOF == 0xCA || j.SOF == 0xCE
}

// Orientation is the EXIF orientation, 1..8 (1 without EXIF).
func (j *JPEGInfo) Orientation() int { return exifOrientation(j.EXIF) }

var (
	nsXMP    = []byte("http://ns.adobe.com/xap/1.0/\x00")
	nsExtXMP = []byte("http://ns.adobe.com/xmp/extension/\x00")
	nsICC    = []byte("ICC_PROFILE\x00")
	nsPS     = []byte("Photoshop 3.0\x00")
	nsAdobe  = []byte("Adobe")
	nsJFIF   = []byte("JFIF\x00")
	nsJUMBF  = []byte("JP")
)

// ParseJPEG reads the markers of a JPEG up to its first SOS.
func ParseJPEG(data []byte) (*JPEGInfo, error) {
	if len(data) < 2 || data[0] != 0xFF || data[1] != mSOI {
		return nil, errors.New("meta: jpeg: no SOI marker")
	}
	info := &JPEGInfo{AdobeTransform: -1}
	var icc iccChunks
	ext := map[string]*extChunks{}
	_, stray, err := walkJPEG(data, 2, func(m byte, p []byte, off int) error {
		return info.add(m, bytes.Clone(p), off, &icc, ext)
	})
	info.Stray = stray
	if err != nil {
		return nil, fmt.Errorf("meta: jpeg: %w", err)
	}
	if info.SOF == 0 {
		return nil, errors.New("meta: jpeg: no frame header (SOF) before SOS")
	}
	info.ICC = icc.join()
	info.setExtended(ext)
	return info, nil
}

// walkJPEG calls fn for every segment from p up to SOS and returns the
// offset of the SOS marker. Fill bytes and stray bytes before a marker
// are skipped as libjpeg does; the stray ones are recorded in w.
func walkJPEG(data []byte, p int, fn func(marker byte, payload []byte, off int) error) (int, []int, error) {
	var w JPEGFile
	for {
		m, off, err := w.nextMarker(data, p)
		if err != nil {
			return 0, nil, err
		}
		switch {
		case m == mSOS:
			return off, w.Stray, nil
		case m == mEOI:
			return 0, nil, fmt.Errorf("EOI at offset %d before any scan", off)
		}
		end, err := markEnd(data, m, off)
		if err != nil {
			return 0, nil, err
		}
		if end > off+2 {
			if err := fn(m, data[off+4:end], off); err != nil {
				return 0, nil, err
			}
		}
		p = end
	}
}

func (j *JPEGInfo) add(m byte, p []byte, off int, icc *iccChunks, ext map[string]*extChunks) error {
	switch {
	case m >= mAPP0 && m <= mAPPF || m == mCOM:
		j.Segments = append(j.Segments, Segment{Marker: m, Data: p})
		j.addApp(m, p, icc, ext)
	case m == mDQT:
		j.DQT = append(j.DQT, p)
	case m == mDRI:
		if len(p) != 2 {
			return fmt.Errorf("DRI at offset %d: length %d, want 2", off, len(p))
		}
		j.RestartInterval = int(binary.BigEndian.Uint16(p))
	case isSOF(m):
		if j.SOF != 0 {
			return fmt.Errorf("second frame header at offset %d", off)
		}
		return j.addSOF(m, p, off)
	}
	return nil
}

// isSOF excludes the three codes in the C0..CF range that are not frames.
func isSOF(m byte) bool {
	return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC
}

func (j *JPEGInfo) addSOF(m byte, p []byte, off int) error {
	if len(p) < 6 || len(p) != 6+3*int(p[5]) || p[5] == 0 {
		return fmt.Errorf("SOF at offset %d: bad length %d", off, len(p)+2)
	}
	j.SOF, j.Precision = m, int(p[0])
	j.Height = int(binary.BigEndian.Uint16(p[1:]))
	j.Width = int(binary.BigEndian.Uint16(p[3:]))
	for c := p[6:]; len(c) >= 3; c = c[3:] {
		j.Components = append(j.Components, Component{ID: c[0], H: c[1] >> 4, V: c[1] & 15, Tq: c[2]})
	}
	return nil
}

func (j *JPEGInfo) addApp(m byte, p []byte, icc *iccChunks, ext map[string]*extChunks) {
	switch {
	case m == mAPP1 && bytes.HasPrefix(p, exifPrefix) && j.EXIF == nil:
		j.EXIF = p[len(exifPrefix):]
	case m == mAPP1 && bytes.HasPrefix(p, nsXMP) && j.XMP == nil:
		j.XMP = p[len(nsXMP):]
	case m == mAPP1 && bytes.HasPrefix(p, nsExtXMP):
		addExtended(ext, p[len(nsExtXMP):])
	case m == mAPP2 && bytes.HasPrefix(p, nsICC):
		icc.add(p[len(nsICC):])
	case m == mAPPD && bytes.HasPrefix(p, nsPS) && j.Photoshop == nil:
		j.Photoshop = p[len(nsPS):]
		j.IPTC = photoshopResource(j.Photoshop, 0x0404)
	case m == mAPPE && bytes.HasPrefix(p, nsAdobe) && len(p) >= 12:
		j.AdobeTransform = int(p[11])
	}
}

// photoshopResource finds resource id in Photoshop "8BIM" image resource
// blocks: signature, id, padded Pascal name, size, padded data.
func photoshopResource(b []byte, id uint16) []byte {
	for len(b) >= 12 && string(b[:4]) == "8BIM" {
		rid := binary.BigEndian.Uint16(b[4:])
		nameLen := 1 + int(b[6])
		nameLen += nameLen & 1
		if 6+nameLen+4 > len(b) {
			return nil
		}
		b = b[6+nameLen:]
		size := int(binary.BigEndian.Uint32(b))
		if size < 0 || 4+size > len(b) {
			return nil
		}
		if rid == id {
			return b[4 : 4+size]
		}
		b = b[min(len(b), 4+size+size&1):]
	}
	return nil
}

package meta

import (
	"bytes"
	"fmt"
)

// MPImage is one entry of a CIPA Multi-Picture Format index (CIPA
// DC-007): what the image is, and where it sits in the file.
type MPImage struct {
	Type   uint32 // MP type code: 0x030000 primary, 0x020002 disparity...
	Size   uint32
	Offset uint32 // from the MP header's endian field; 0 for the first image
}

// Describe names an MP image type the way a person would.
func (m MPImage) Describe() string {
	switch m.Type & 0xFFFFFF {
	case 0x010001, 0x010002:
		return "a large preview"
	case 0x020001:
		return "a panorama frame"
	case 0x020002:
		return "the second view of a stereo pair"
	case 0x020003:
		return "another view of a multi-angle shot"
	case 0x030000:
		return "a picture"
	}
	return "an image of unspecified type (an HDR gain map or a depth map)"
}

const tagMPEntry = 0xB002

// ParseMPF reads the MP index in an APP2 "MPF\0" payload.
func ParseMPF(payload []byte) ([]MPImage, error) {
	if !bytes.HasPrefix(payload, []byte("MPF\x00")) {
		return nil, fmt.Errorf("meta: mpf: not an MPF segment")
	}
	t, err := parseTIFFHeader(payload[4:])
	if err != nil {
		return nil, fmt.Errorf("meta: mpf: %w", err)
	}
	es, _, err := t.entries(t.ifd0)
	if err != nil {
		return nil, fmt.Errorf("meta: mpf: %w", err)
	}
	e, ok := find(es, tagMPEntry)
	if !ok {
		return nil, nil // an MP attribute IFD of a secondary image: no index
	}
	v, err := t.value(e)
	if err != nil || len(v)%16 != 0 {
		return nil, fmt.Errorf("meta: mpf: bad MP entry list")
	}
	var out []MPImage
	for ; len(v) >= 16; v = v[16:] {
		out = append(out, MPImage{Type: t.order.Uint32(v), Size: t.order.Uint32(v[4:]), Offset: t.order.Uint32(v[8:])})
	}
	return out, nil
}

// MPF returns the source's MP index, nil without one.
func (j *JPEGInfo) MPF() []MPImage {
	for _, s := range j.Segments {
		if isMPF(s) {
			imgs, _ := ParseMPF(s.Data)
			return imgs
		}
	}
	return nil
}

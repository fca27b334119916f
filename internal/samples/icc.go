package samples

import (
	"encoding/binary"
)

// ICC returns a minimal but valid ICC v2 display profile for RGB whose
// description tag reads desc: enough for readers (exiftool, colour
// managed viewers) to name it, so tests can see it survive labeling.
func ICC(desc string) []byte {
	text := append([]byte(desc), 0)
	// textDescriptionType: sig, reserved, ASCII count + text, then empty
	// Unicode and ScriptCode parts.
	tag := make([]byte, 12, 12+len(text)+4+4+2+1+67)
	copy(tag, "desc")
	binary.BigEndian.PutUint32(tag[8:], uint32(len(text)))
	tag = append(tag, text...)
	tag = append(tag, make([]byte, 4+4+2+1+67)...)
	for len(tag)%4 != 0 {
		tag = append(tag, 0)
	}
	const headerLen, tableLen = 128, 4 + 12
	p := make([]byte, headerLen+tableLen, headerLen+tableLen+len(tag))
	binary.BigEndian.PutUint32(p[0:], uint32(headerLen+tableLen+len(tag)))
	binary.BigEndian.PutUint32(p[8:], 0x02100000) // version 2.1
	copy(p[12:], "mntr")
	copy(p[16:], "RGB ")
	copy(p[20:], "XYZ ")
	copy(p[36:], "acsp")
	// PCS illuminant D50.
	binary.BigEndian.PutUint32(p[68:], 0x0000F6D6)
	binary.BigEndian.PutUint32(p[72:], 0x00010000)
	binary.BigEndian.PutUint32(p[76:], 0x0000D32D)
	binary.BigEndian.PutUint32(p[128:], 1)
	copy(p[132:], "desc")
	binary.BigEndian.PutUint32(p[136:], headerLen+tableLen)
	binary.BigEndian.PutUint32(p[140:], uint32(len(tag)))
	return append(p, tag...)
}

// ICCSegments splits a profile into JPEG APP2 segments.
func ICCSegments(icc []byte) [][]byte {
	const chunk = 65519
	n := (len(icc) + chunk - 1) / chunk
	var segs [][]byte
	for i := 0; i < n; i++ {
		part := icc[i*chunk : min(len(icc), (i+1)*chunk)]
		payload := append([]byte("ICC_PROFILE\x00"), byte(i+1), byte(n))
		segs = append(segs, Segment(0xE2, append(payload, part...)))
	}
	return segs
}

package mp3

import (
	"encoding/binary"
	"errors"
)

// Xing flags: frame count, byte count, seek table, quality.
const xingFlags = 0x1 | 0x2 | 0x4 | 0x8

// XingFrame builds the header frame that describes a whole stream for
// players: "Xing" for VBR, "Info" for constant bitrate. frameSizes are the
// audio frames that follow it, in order. Without it players guess a VBR
// file's duration from its first frame and seek to the wrong places.
func XingFrame(like Header, frameSizes []int, vbr bool) ([]byte, error) {
	h, err := roomyHeader(like)
	if err != nil {
		return nil, err
	}
	frame := make([]byte, h.Size())
	copy(frame, h.raw[:])
	x := frame[h.dataStart()+h.sideInfo():]
	copy(x, "Info")
	if vbr {
		copy(x, "Xing")
	}
	total := len(frame)
	for _, n := range frameSizes {
		total += n
	}
	be := binary.BigEndian
	be.PutUint32(x[4:], xingFlags)
	be.PutUint32(x[8:], uint32(len(frameSizes)))
	be.PutUint32(x[12:], uint32(total))
	toc(x[16:116], len(frame), frameSizes, total)
	be.PutUint32(x[116:], 0) // quality: unknown
	return frame, nil
}

// roomyHeader is like's header without CRC or padding, at the smallest
// bitrate whose frame holds the 120-byte Xing record.
func roomyHeader(like Header) (Header, error) {
	b := like.raw
	b[1] |= 1         // no CRC
	b[2] &^= 0xF0 | 2 // clear bitrate and padding
	for idx := 1; idx < 15; idx++ {
		b[2] = b[2]&0x0F | byte(idx<<4)
		h, ok := ParseHeader(b[:])
		if ok && h.Size() >= h.dataStart()+h.sideInfo()+120 {
			return h, nil
		}
	}
	return Header{}, errors.New("mp3: no bitrate leaves room for a Xing header")
}

// toc fills the 100-entry seek table: entry i is the byte position at i %
// of the duration, as a fraction of the file in 1/256ths.
func toc(t []byte, start int, sizes []int, total int) {
	if len(sizes) == 0 {
		return
	}
	pos, frame := start, 0
	for i := range 100 {
		want := i * len(sizes) / 100
		for ; frame < want; frame++ {
			pos += sizes[frame]
		}
		t[i] = byte(min(255, pos*256/total))
	}
}

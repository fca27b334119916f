package mp3

import (
	"encoding/binary"
	"errors"
)

// Xing flags: frame count, byte count, seek table, quality.
const xingFlags = 0x1 | 0x2 | 0x4 | 0x8

// xingSize is the Xing record with every field: tag, flags, frames,
// bytes, 100-entry seek table and quality.
const xingSize = 120

// lameCRCSpan is how much of the tag frame the LAME tag's CRC covers.
const lameCRCSpan = 190

// XingFrame builds the header frame that describes a whole stream for
// players: "Xing" for VBR, "Info" for constant bitrate, with frame and
// byte counts and a seek table for the frames that follow it. When lame
// is given (the source had a LAME tag: encoder, gapless delay and
// padding, ReplayGain), it follows the record with its music length and
// CRCs made true for these frames. Without such a frame players guess a
// VBR file's duration from its first frame and seek to the wrong places.
func XingFrame(like Header, frames [][]byte, vbr bool, lame *LAME) ([]byte, error) {
	need := xingSize
	if lame != nil {
		need += lameSize
	}
	h, err := roomyHeader(like, need)
	if err != nil {
		return nil, err
	}
	frame := make([]byte, h.Size())
	copy(frame, h.raw[:])
	at := h.dataStart() + h.sideInfo()
	x := frame[at:]
	copy(x, "Info")
	if vbr {
		copy(x, "Xing")
	}
	total := len(frame)
	sizes := make([]int, len(frames))
	for i, f := range frames {
		sizes[i] = len(f)
		total += len(f)
	}
	be := binary.BigEndian
	be.PutUint32(x[4:], xingFlags)
	be.PutUint32(x[8:], uint32(len(frames)))
	be.PutUint32(x[12:], uint32(total))
	toc(x[16:116], len(frame), sizes, total)
	be.PutUint32(x[116:], 0) // quality: unknown
	if lame != nil {
		var crc uint16
		for _, f := range frames {
			crc = crc16Update(crc, f)
		}
		l := *lame
		l.finish(frame, at+xingSize, total, crc)
	}
	return frame, nil
}

// roomyHeader is like's header without CRC or padding, at like's own
// bitrate when its frame is large enough (a constant-bitrate stream then
// reads as one rate throughout), else at the smallest bitrate whose frame
// holds need bytes after the side information (and the 190 bytes a LAME
// tag's CRC covers).
func roomyHeader(like Header, need int) (Header, error) {
	b := like.raw
	b[1] |= 1         // no CRC
	b[2] &^= 0xF0 | 2 // clear bitrate and padding
	for _, idx := range append([]int{like.brIndex}, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14) {
		b[2] = b[2]&0x0F | byte(idx<<4)
		h, ok := ParseHeader(b[:])
		if ok && h.Size() >= h.dataStart()+h.sideInfo()+need && (need == xingSize || h.Size() >= lameCRCSpan) {
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

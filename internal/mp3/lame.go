package mp3

import "encoding/binary"

// lameSize is the LAME extension's length after the 120-byte Xing
// record: encoder, gapless delay and padding, ReplayGain, music length
// and two CRCs.
const lameSize = 36

// InfoTag is what a stream's Xing/Info (or VBRI) frame declares.
type InfoTag struct {
	Kind   string // "Xing", "Info" or "VBRI"
	Frames int    // audio frames after the tag frame, 0 when not stated
	Bytes  int    // bytes from the tag frame to the end of the last frame, 0 when not stated
	// LAME is the extension encoders write after a Xing/Info record, nil
	// without one.
	LAME *LAME
}

// LAME is a LAME extension, kept raw so that fields Belgi does not set
// (encoder version, ReplayGain, preset) survive as the source had them.
type LAME struct {
	raw [lameSize]byte
}

// Delay is the encoder delay in samples: silence the encoder put before
// the first sample, which gapless players skip (decoders add 529).
func (l *LAME) Delay() int { return int(l.raw[21])<<4 | int(l.raw[22])>>4 }

// Padding is the samples after the last one, which players drop.
func (l *LAME) Padding() int { return int(l.raw[22]&0x0F)<<8 | int(l.raw[23]) }

// SetGapless stores delay and padding (12 bits each).
func (l *LAME) SetGapless(delay, padding int) {
	delay, padding = min(max(delay, 0), 4095), min(max(padding, 0), 4095)
	l.raw[21], l.raw[22], l.raw[23] = byte(delay>>4), byte(delay<<4)|byte(padding>>8), byte(padding)
}

// Encoder is the 9-byte encoder string ("LAME3.100", "Lavc58.54").
func (l *LAME) Encoder() string { return string(l.raw[:9]) }

// parseLAME reads a LAME extension at b, or nil when b holds none (a
// short frame, or zeros after a Xing record some encoders write).
func parseLAME(b []byte) *LAME {
	if len(b) < lameSize {
		return nil
	}
	v := string(b[:4])
	if v != "LAME" && v != "Lavc" && v != "Lavf" && v != "GOGO" && v != "L3.9" {
		return nil
	}
	l := &LAME{}
	copy(l.raw[:], b)
	return l
}

// finish writes the music length and music CRC, then the tag's own CRC
// over the first 190 bytes of the frame (which must hold the tag).
func (l *LAME) finish(frame []byte, at, musicLen int, musicCRC uint16) {
	be := binary.BigEndian
	be.PutUint32(l.raw[28:], uint32(musicLen))
	be.PutUint16(l.raw[32:], musicCRC)
	copy(frame[at:], l.raw[:34])
	be.PutUint16(l.raw[34:], crc16(frame[:190]))
	copy(frame[at:], l.raw[:])
}

// crc16 is CRC-16/ARC (polynomial 0x8005, reflected, initial 0), the one
// LAME and ffmpeg use for the LAME tag and music CRCs.
func crc16(b []byte) uint16 { return crc16Update(0, b) }

func crc16Update(crc uint16, b []byte) uint16 {
	for _, c := range b {
		crc ^= uint16(c)
		for range 8 {
			if crc&1 != 0 {
				crc = crc>>1 ^ 0xA001
			} else {
				crc >>= 1
			}
		}
	}
	return crc
}

// parseInfo reads a Xing/Info record at x (its "Xing" or "Info") or a
// VBRI record at v, whichever frame holds.
func parseXing(x []byte) *InfoTag {
	if len(x) < 8 {
		return nil
	}
	t := &InfoTag{Kind: string(x[:4])}
	flags := binary.BigEndian.Uint32(x[4:])
	at := 8
	field := func(bit uint32, n int) []byte {
		if flags&bit == 0 || at+n > len(x) {
			return nil
		}
		at += n
		return x[at-n : at]
	}
	if f := field(1, 4); f != nil {
		t.Frames = int(binary.BigEndian.Uint32(f))
	}
	if f := field(2, 4); f != nil {
		t.Bytes = int(binary.BigEndian.Uint32(f))
	}
	field(4, 100)
	field(8, 4)
	t.LAME = parseLAME(x[at:])
	return t
}

func parseVBRI(v []byte) *InfoTag {
	if len(v) < 18 {
		return &InfoTag{Kind: "VBRI"}
	}
	be := binary.BigEndian
	return &InfoTag{Kind: "VBRI", Bytes: int(be.Uint32(v[10:])), Frames: int(be.Uint32(v[14:]))}
}

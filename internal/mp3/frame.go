package mp3

// Header is one frame's decoded 4-byte header.
type Header struct {
	Version  int // 1 (MPEG-1), 2 (MPEG-2) or 25 (MPEG-2.5)
	CRC      bool
	Bitrate  int // kbit/s
	Rate     int // Hz
	Padding  bool
	Mono     bool
	raw      [4]byte
	brIndex  int
	rateIdx  int
	chanMode int
}

var (
	bitratesV1 = [15]int{0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320}
	bitratesV2 = [15]int{0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160}
	ratesV1    = [3]int{44100, 48000, 32000}
)

// ParseHeader decodes a Layer III frame header; ok is false for anything
// else (other layers, free format, reserved values).
func ParseHeader(b []byte) (h Header, ok bool) {
	if len(b) < 4 || b[0] != 0xFF || b[1]&0xE0 != 0xE0 {
		return h, false
	}
	ver := (b[1] >> 3) & 3
	layer := (b[1] >> 1) & 3
	h.brIndex, h.rateIdx = int(b[2]>>4), int((b[2]>>2)&3)
	if ver == 1 || layer != 1 || h.brIndex == 0 || h.brIndex == 15 || h.rateIdx == 3 {
		return h, false
	}
	copy(h.raw[:], b[:4])
	h.CRC = b[1]&1 == 0
	h.Padding = (b[2]>>1)&1 == 1
	h.chanMode = int(b[3] >> 6)
	h.Mono = h.chanMode == 3
	h.Rate = ratesV1[h.rateIdx]
	switch ver {
	case 3:
		h.Version, h.Bitrate = 1, bitratesV1[h.brIndex]
	case 2:
		h.Version, h.Bitrate, h.Rate = 2, bitratesV2[h.brIndex], h.Rate/2
	default:
		h.Version, h.Bitrate, h.Rate = 25, bitratesV2[h.brIndex], h.Rate/4
	}
	return h, true
}

// Size is the frame's length in bytes, header included.
func (h Header) Size() int {
	pad := 0
	if h.Padding {
		pad = 1
	}
	return h.SamplesPerFrame()/8*h.Bitrate*1000/h.Rate + pad
}

// SamplesPerFrame is 1152 for MPEG-1 and 576 otherwise.
func (h Header) SamplesPerFrame() int {
	if h.Version == 1 {
		return 1152
	}
	return 576
}

// Channels is 1 or 2.
func (h Header) Channels() int {
	if h.Mono {
		return 1
	}
	return 2
}

// sideInfo is the length of the side information after the header.
func (h Header) sideInfo() int {
	switch {
	case h.Version == 1 && h.Mono:
		return 17
	case h.Version == 1:
		return 32
	case h.Mono:
		return 9
	}
	return 17
}

// dataStart is where the side information begins in the frame.
func (h Header) dataStart() int {
	if h.CRC {
		return 6
	}
	return 4
}

// mainDataBegin reads the bit-reservoir back-pointer of a whole frame:
// how many bytes of this frame's audio live in earlier frames. A frame
// with 0 decodes on its own, so a notice can be inserted before it.
func (h Header) mainDataBegin(frame []byte) int {
	s := frame[h.dataStart():]
	if len(s) < 2 {
		return -1
	}
	if h.Version == 1 {
		return int(s[0])<<1 | int(s[1]>>7)
	}
	return int(s[0])
}

// Compatible reports whether frames with headers h and o can follow each
// other in one stream: same MPEG version, sample rate and channel count.
func (h Header) Compatible(o Header) bool {
	return h.Version == o.Version && h.Rate == o.Rate && h.Mono == o.Mono
}

package wav

import (
	"encoding/binary"
	"math"
)

// Decode appends the samples in raw (whole frames in f's format) to dst
// as float32 in [-1, 1].
func (f Format) Decode(dst []float32, raw []byte) []float32 {
	le := binary.LittleEndian
	size := f.Bits / 8
	n := len(raw) / size
	for i := range n {
		b := raw[i*size:]
		var v float32
		switch {
		case f.Tag == TagFloat && size == 4:
			v = math.Float32frombits(le.Uint32(b))
		case f.Tag == TagFloat:
			v = float32(math.Float64frombits(le.Uint64(b)))
		case size == 1:
			v = float32(int(b[0])-128) / 128
		case size == 2:
			v = float32(int16(le.Uint16(b))) / (1 << 15)
		case size == 3:
			v = float32(int32(uint32(b[0])<<8|uint32(b[1])<<16|uint32(b[2])<<24)>>8) / (1 << 23)
		default:
			v = float32(float64(int32(le.Uint32(b))) / (1 << 31))
		}
		dst = append(dst, v)
	}
	return dst
}

// Encode appends samples converted to f's format to dst, rounding and
// clipping integer formats at full scale.
func (f Format) Encode(dst []byte, samples []float32) []byte {
	le := binary.LittleEndian
	for _, s := range samples {
		switch {
		case f.Tag == TagFloat && f.Bits == 32:
			dst = le.AppendUint32(dst, math.Float32bits(s))
		case f.Tag == TagFloat:
			dst = le.AppendUint64(dst, math.Float64bits(float64(s)))
		case f.Bits == 8:
			dst = append(dst, byte(quantize(s, 7)+128))
		case f.Bits == 16:
			dst = le.AppendUint16(dst, uint16(int16(quantize(s, 15))))
		case f.Bits == 24:
			v := uint32(quantize(s, 23))
			dst = append(dst, byte(v), byte(v>>8), byte(v>>16))
		default:
			dst = le.AppendUint32(dst, uint32(quantize(s, 31)))
		}
	}
	return dst
}

// quantize maps s to a signed integer of bits+1 bits, clipped.
func quantize(s float32, bits uint) int32 {
	full := float64(int64(1) << bits)
	v := math.Round(float64(s) * full)
	return int32(max(-full, min(full-1, v)))
}

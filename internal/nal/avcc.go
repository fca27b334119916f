package nal

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
)

// AVCC is an AVCDecoderConfigurationRecord (ISO/IEC 14496-15 5.3.3), the
// avcC box of MP4 and the CodecPrivate of H.264 in Matroska.
type AVCC struct {
	Profile, Compat, Level byte
	LengthSize             int // bytes of each NAL unit's length prefix: 1, 2 or 4
	SPS, PPS               [][]byte
	// Tail is what follows the PPS list (the chroma format, bit depths
	// and SPS extensions of the High profiles), kept as it was.
	Tail []byte
}

// ParseAVCC reads an avcC record.
func ParseAVCC(b []byte) (AVCC, error) {
	if len(b) < 7 || b[0] != 1 {
		return AVCC{}, errors.New("nal: not an avcC record")
	}
	c := AVCC{Profile: b[1], Compat: b[2], Level: b[3], LengthSize: int(b[4]&3) + 1}
	if c.LengthSize == 3 {
		return AVCC{}, errors.New("nal: avcC with 3-byte lengths")
	}
	rest := b[6:]
	var err error
	if c.SPS, rest, err = units(rest, int(b[5]&31)); err != nil {
		return AVCC{}, err
	}
	if len(rest) < 1 {
		return AVCC{}, errShort
	}
	if c.PPS, rest, err = units(rest[1:], int(rest[0])); err != nil {
		return AVCC{}, err
	}
	c.Tail = rest
	return c, nil
}

// units reads n NAL units, each behind a 16-bit length.
func units(b []byte, n int) ([][]byte, []byte, error) {
	var out [][]byte
	for range n {
		if len(b) < 2 {
			return nil, nil, errShort
		}
		l := int(binary.BigEndian.Uint16(b))
		if l == 0 || len(b) < 2+l {
			return nil, nil, fmt.Errorf("nal: a parameter set of %d bytes does not fit the record", l)
		}
		out = append(out, b[2:2+l])
		b = b[2+l:]
	}
	return out, b, nil
}

// Bytes serialises the record.
func (c AVCC) Bytes() []byte {
	out := []byte{1, c.Profile, c.Compat, c.Level, 0xFC | byte(c.LengthSize-1), 0xE0 | byte(len(c.SPS))}
	out = appendUnits(out, c.SPS)
	out = append(out, byte(len(c.PPS)))
	out = appendUnits(out, c.PPS)
	return append(out, c.Tail...)
}

func appendUnits(out []byte, us [][]byte) []byte {
	for _, u := range us {
		out = binary.BigEndian.AppendUint16(out, uint16(len(u)))
		out = append(out, u...)
	}
	return out
}

// IDs lists the SPS and PPS identifiers the record holds.
func (c AVCC) IDs() (sps, pps []uint, err error) {
	for _, s := range c.SPS {
		id, err := H264SPSID(s)
		if err != nil {
			return nil, nil, err
		}
		sps = append(sps, id)
	}
	for _, p := range c.PPS {
		id, _, err := H264PPSID(p)
		if err != nil {
			return nil, nil, err
		}
		pps = append(pps, id)
	}
	return sps, pps, nil
}

// MergeAVCC makes one record holding the parameter sets of every record,
// for a stream whose segments were encoded separately. The first record
// is the base (its length size and tail are kept); profile and level
// become the highest any set needs. Two different sets under one
// identifier are an error: a decoder could not tell them apart.
func MergeAVCC(recs ...AVCC) (AVCC, error) {
	if len(recs) == 0 {
		return AVCC{}, errors.New("nal: nothing to merge")
	}
	m := recs[0]
	m.SPS, m.PPS = nil, nil
	for _, r := range recs {
		if r.LengthSize != m.LengthSize {
			return AVCC{}, fmt.Errorf("nal: NAL length sizes %d and %d differ", m.LengthSize, r.LengthSize)
		}
		m.Profile, m.Level, m.Compat = max(m.Profile, r.Profile), max(m.Level, r.Level), m.Compat&r.Compat
		var err error
		if m.SPS, err = addUnique(m.SPS, r.SPS, H264SPSID); err != nil {
			return AVCC{}, err
		}
		if m.PPS, err = addUnique(m.PPS, r.PPS, ppsOnlyID); err != nil {
			return AVCC{}, err
		}
	}
	if len(m.SPS) > 31 {
		return AVCC{}, errors.New("nal: more than 31 SPS")
	}
	return m, nil
}

func ppsOnlyID(p []byte) (uint, error) {
	id, _, err := H264PPSID(p)
	return id, err
}

// addUnique appends the units not already present, refusing two
// different units with one identifier.
func addUnique(have, add [][]byte, id func([]byte) (uint, error)) ([][]byte, error) {
	byID := map[uint][]byte{}
	for _, h := range have {
		i, err := id(h)
		if err != nil {
			return nil, err
		}
		byID[i] = h
	}
	for _, a := range add {
		i, err := id(a)
		if err != nil {
			return nil, err
		}
		if old, ok := byID[i]; ok {
			if !bytes.Equal(old, a) {
				return nil, fmt.Errorf("nal: two different parameter sets share id %d", i)
			}
			continue
		}
		byID[i] = a
		have = append(have, a)
	}
	return have, nil
}

// H264SPSID reads seq_parameter_set_id from an SPS NAL unit (header
// byte included).
func H264SPSID(sps []byte) (uint, error) {
	if len(sps) < 5 || sps[0]&31 != 7 {
		return 0, errors.New("nal: not an H.264 SPS")
	}
	r := reader{b: unescape(sps[4:])}
	return r.ue()
}

// H264PPSID reads pic_parameter_set_id and seq_parameter_set_id from a
// PPS NAL unit.
func H264PPSID(pps []byte) (id, sps uint, err error) {
	if len(pps) < 2 || pps[0]&31 != 8 {
		return 0, 0, errors.New("nal: not an H.264 PPS")
	}
	r := reader{b: unescape(pps[1:])}
	if id, err = r.ue(); err != nil {
		return 0, 0, err
	}
	sps, err = r.ue()
	return id, sps, err
}

// H264Type is the nal_unit_type of an H.264 NAL unit (5: IDR slice,
// 7: SPS, 8: PPS).
func H264Type(u []byte) int {
	if len(u) == 0 {
		return -1
	}
	return int(u[0] & 31)
}

// Split cuts length-prefixed NAL units (as MP4 and Matroska store them)
// apart; a length running past the data is an error.
func Split(b []byte, lengthSize int) ([][]byte, error) {
	var out [][]byte
	for len(b) > 0 {
		if len(b) < lengthSize {
			return out, errShort
		}
		n := 0
		for _, c := range b[:lengthSize] {
			n = n<<8 | int(c)
		}
		b = b[lengthSize:]
		if n > len(b) {
			return out, fmt.Errorf("nal: a NAL unit of %d bytes runs past the data", n)
		}
		out = append(out, b[:n])
		b = b[n:]
	}
	return out, nil
}

// Join prefixes each NAL unit with its length.
func Join(units [][]byte, lengthSize int) []byte {
	var out []byte
	for _, u := range units {
		for i := lengthSize - 1; i >= 0; i-- {
			out = append(out, byte(len(u)>>(8*i)))
		}
		out = append(out, u...)
	}
	return out
}

// SplitAnnexB cuts a byte stream with start codes (00 00 01 or
// 00 00 00 01) into NAL units.
func SplitAnnexB(b []byte) [][]byte {
	var out [][]byte
	start := -1
	for i := 0; i+2 < len(b); i++ {
		if b[i] != 0 || b[i+1] != 0 || b[i+2] != 1 {
			continue
		}
		if start >= 0 {
			out = append(out, trimZeros(b[start:i]))
		}
		start = i + 3
		i += 2
	}
	if start >= 0 && start <= len(b) {
		out = append(out, b[start:])
	}
	return out
}

// trimZeros drops the zero bytes that belong to the next start code.
func trimZeros(b []byte) []byte {
	for len(b) > 0 && b[len(b)-1] == 0 {
		b = b[:len(b)-1]
	}
	return b
}

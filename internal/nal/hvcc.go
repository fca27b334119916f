package nal

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// hvccHeader is the fixed part of an HEVCDecoderConfigurationRecord
// before its arrays (ISO/IEC 14496-15 8.3.3.1).
const hvccHeader = 22

// HVCC is an HEVCDecoderConfigurationRecord: the hvcC box of MP4 and the
// CodecPrivate of HEVC in Matroska.
type HVCC struct {
	Header     [hvccHeader]byte // profile, level, chroma format, ... as stored
	LengthSize int
	Arrays     []HVCCArray
}

// HVCCArray holds the NAL units of one type (VPS, SPS, PPS, SEI).
type HVCCArray struct {
	Complete bool
	Type     int
	Units    [][]byte
}

// ParseHVCC reads an hvcC record.
func ParseHVCC(b []byte) (HVCC, error) {
	if len(b) < hvccHeader+1 || b[0] != 1 {
		return HVCC{}, errors.New("nal: not an hvcC record")
	}
	var c HVCC
	copy(c.Header[:], b)
	c.LengthSize = int(b[21]&3) + 1
	if c.LengthSize == 3 {
		return HVCC{}, errors.New("nal: hvcC with 3-byte lengths")
	}
	n, rest := int(b[22]), b[23:]
	for range n {
		if len(rest) < 3 {
			return HVCC{}, errShort
		}
		a := HVCCArray{Complete: rest[0]&0x80 != 0, Type: int(rest[0] & 63)}
		var err error
		if a.Units, rest, err = units(rest[3:], int(binary.BigEndian.Uint16(rest[1:]))); err != nil {
			return HVCC{}, err
		}
		c.Arrays = append(c.Arrays, a)
	}
	return c, nil
}

// Bytes serialises the record.
func (c HVCC) Bytes() []byte {
	out := append([]byte{}, c.Header[:]...)
	out[21] = out[21]&^3 | byte(c.LengthSize-1)
	out = append(out, byte(len(c.Arrays)))
	for _, a := range c.Arrays {
		t := byte(a.Type & 63)
		if a.Complete {
			t |= 0x80
		}
		out = append(out, t)
		out = binary.BigEndian.AppendUint16(out, uint16(len(a.Units)))
		out = appendUnits(out, a.Units)
	}
	return out
}

// Units returns the record's NAL units of a type.
func (c HVCC) Units(typ int) [][]byte {
	for _, a := range c.Arrays {
		if a.Type == typ {
			return a.Units
		}
	}
	return nil
}

// MergeHVCC makes one record with the parameter sets of every record; the
// first is the base, its level raised to the highest any record needs.
// Sets of one type and id must be identical.
func MergeHVCC(recs ...HVCC) (HVCC, error) {
	if len(recs) == 0 {
		return HVCC{}, errors.New("nal: nothing to merge")
	}
	m := recs[0]
	m.Arrays = nil
	for _, typ := range []int{hevcVPS, hevcSPS, hevcPPS} {
		var all [][]byte
		for _, r := range recs {
			if r.LengthSize != m.LengthSize {
				return HVCC{}, fmt.Errorf("nal: NAL length sizes %d and %d differ", m.LengthSize, r.LengthSize)
			}
			m.Header[12] = max(m.Header[12], r.Header[12]) // general_level_idc
			var err error
			if all, err = addUnique(all, r.Units(typ), hevcID); err != nil {
				return HVCC{}, err
			}
		}
		if len(all) > 0 {
			m.Arrays = append(m.Arrays, HVCCArray{Complete: true, Type: typ, Units: all})
		}
	}
	return m, nil
}

// hevcID reads the identifier of a VPS, SPS or PPS.
func hevcID(u []byte) (uint, error) {
	ps, err := parseParamSet(u)
	return ps.id, err
}

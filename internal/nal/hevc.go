package nal

// HEVC NAL unit types (H.265 table 7-1).
const (
	hevcRASLN  = 8
	hevcRASLR  = 9
	hevcBLAWLP = 16
	hevcIDRW   = 19
	hevcIDRN   = 20
	hevcCRA    = 21
	hevcVPS    = 32
	hevcSPS    = 33
	hevcPPS    = 34
)

// HEVCType is the nal_unit_type of an HEVC NAL unit.
func HEVCType(u []byte) int {
	if len(u) < 2 {
		return -1
	}
	return int(u[0]>>1) & 63
}

// HEVCCleanStart reports whether pictures, in decoding order from the
// first of units, decode without any earlier picture: the first picture
// is an IDR, or a CRA or BLA that no skipped (RASL) leading picture
// follows.
func HEVCCleanStart(units [][]byte) bool {
	first := -1
	for _, u := range units {
		t := HEVCType(u)
		if t < 0 || t > 31 {
			continue // parameter sets, SEI, delimiters
		}
		switch {
		case first < 0:
			first = t
			if t == hevcIDRW || t == hevcIDRN {
				return true
			}
			if t < hevcBLAWLP || t > hevcCRA {
				return false
			}
		case t == hevcRASLN || t == hevcRASLR:
			return false
		case t <= 5: // a trailing picture: the leading ones are over
			return true
		}
	}
	return false
}

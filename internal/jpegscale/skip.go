package jpegscale

import (
	"bytes"
	"errors"
)

// skipAC steps over one block's AC coefficients (T.81 F.2.2.2) without
// computing them. This is the decoder's hot loop: per coefficient one
// lookup yields how many bits the code and its magnitude take together
// and how far the zero run moves, so the accumulator is kept in locals
// and only written back around the rare fills and long codes.
func skipAC(r *bitReader, t *huffTable) error {
	acc, n := r.acc, r.n
	k := uint(1)
	for k < 64 {
		if n < 32 {
			r.acc, r.n = acc, n
			r.fill()
			acc, n = r.acc, r.n
		}
		e := t.skip[acc>>(64-lookBits)]
		if e == 0 {
			r.acc, r.n = acc, n
			step, err := slowSkip(r, t)
			if err != nil {
				return err
			}
			acc, n = r.acc, r.n
			k += step
			continue
		}
		bits := uint(e >> 8)
		acc <<= bits
		n -= bits
		k += uint(e & 0xFF)
	}
	r.acc, r.n = acc, n
	if k > 64 && k < eob {
		return errors.New("jpegscale: corrupt data: AC run past the end of a block")
	}
	return nil
}

// slowSkip handles an AC code longer than lookBits.
func slowSkip(r *bitReader, t *huffTable) (uint, error) {
	v, err := t.slow(r)
	if err != nil {
		return 0, err
	}
	e := acSkip(0, v)
	r.bits(uint(e >> 8))
	return uint(e & 0xFF), nil
}

// findMarker returns the first marker at or after data[pos:] and the
// index just past it, stepping over entropy-coded bytes, stuffed 0xFF00
// pairs and 0xFF fill bytes (T.81 B.1.1.2).
func findMarker(data []byte, pos int) (marker byte, next int, ok bool) {
	for pos < len(data) {
		i := bytes.IndexByte(data[pos:], 0xFF)
		if i < 0 {
			break
		}
		pos += i + 1
		for pos < len(data) && data[pos] == 0xFF {
			pos++
		}
		if pos < len(data) && data[pos] != 0 {
			return data[pos], pos + 1, true
		}
		pos++
	}
	return 0, len(data), false
}

// skipEntropy returns the start of the first marker after pos that is
// not a restart marker: the end of a scan we do not need to decode.
func skipEntropy(data []byte, pos int) int {
	for {
		m, next, ok := findMarker(data, pos)
		if !ok {
			return len(data)
		}
		if m < 0xD0 || m > 0xD7 {
			return next - 2
		}
		pos = next
	}
}

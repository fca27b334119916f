package nal

import "errors"

// errShort is returned when a bitstream ends before a field does.
var errShort = errors.New("nal: the data ends inside a field")

// unescape turns a NAL unit's payload into its RBSP, removing the
// emulation-prevention byte of every 0x000003 sequence.
func unescape(b []byte) []byte {
	out := make([]byte, 0, len(b))
	zeros := 0
	for _, c := range b {
		if zeros >= 2 && c == 3 {
			zeros = 0
			continue
		}
		if c == 0 {
			zeros++
		} else {
			zeros = 0
		}
		out = append(out, c)
	}
	return out
}

// escape inserts emulation-prevention bytes so that no start code can
// appear inside the NAL unit.
func escape(rbsp []byte) []byte {
	out := make([]byte, 0, len(rbsp)+len(rbsp)/64)
	zeros := 0
	for _, c := range rbsp {
		if zeros >= 2 && c <= 3 {
			out = append(out, 3)
			zeros = 0
		}
		if c == 0 {
			zeros++
		} else {
			zeros = 0
		}
		out = append(out, c)
	}
	if len(rbsp) > 0 && rbsp[len(rbsp)-1] == 0 {
		out = append(out, 3) // a NAL unit may not end in a zero byte
	}
	return out
}

// reader reads bits, most significant first, from an RBSP.
type reader struct {
	b   []byte
	pos int // in bits
}

func (r *reader) bit() (uint, error) {
	if r.pos >= 8*len(r.b) {
		return 0, errShort
	}
	v := uint(r.b[r.pos/8]>>(7-r.pos%8)) & 1
	r.pos++
	return v, nil
}

func (r *reader) bits(n int) (uint, error) {
	var v uint
	for range n {
		b, err := r.bit()
		if err != nil {
			return 0, err
		}
		v = v<<1 | b
	}
	return v, nil
}

func (r *reader) flag() (bool, error) {
	b, err := r.bit()
	return b == 1, err
}

// ue reads an unsigned Exp-Golomb code; more than 31 leading zeros is
// not a value any field here can take.
func (r *reader) ue() (uint, error) {
	zeros := 0
	for {
		b, err := r.bit()
		if err != nil {
			return 0, err
		}
		if b == 1 {
			break
		}
		if zeros++; zeros > 31 {
			return 0, errors.New("nal: an Exp-Golomb code is too long")
		}
	}
	rest, err := r.bits(zeros)
	return (1<<zeros - 1) + rest, err
}

func (r *reader) se() (int, error) {
	v, err := r.ue()
	if v%2 == 1 {
		return int(v+1) / 2, err
	}
	return -int(v / 2), err
}

func (r *reader) skip(n int) error {
	_, err := r.bits(n)
	return err
}

// writer collects bits, most significant first.
type writer struct {
	b []byte
	n int // bits written
}

func (w *writer) bit(v uint) {
	if w.n%8 == 0 {
		w.b = append(w.b, 0)
	}
	if v&1 == 1 {
		w.b[w.n/8] |= 1 << (7 - w.n%8)
	}
	w.n++
}

func (w *writer) bits(v uint, n int) {
	for i := n - 1; i >= 0; i-- {
		w.bit(v >> i)
	}
}

func (w *writer) ue(v uint) {
	v++
	n := 0
	for x := v; x > 1; x >>= 1 {
		n++
	}
	w.bits(0, n)
	w.bits(v, n+1)
}

// copyFrom copies the bits of r from bit from up to (not including) to.
func (w *writer) copyFrom(r *reader, from, to int) {
	for i := from; i < to; i++ {
		w.bit(uint(r.b[i/8]>>(7-i%8)) & 1)
	}
}

// trailing appends rbsp_trailing_bits: a one, then zeros to a byte.
func (w *writer) trailing() {
	w.bit(1)
	for w.n%8 != 0 {
		w.bit(0)
	}
}

// payloadEnd is the bit position of an RBSP's stop bit (the last one
// bit), where the syntax ends; -1 when the RBSP has none.
func payloadEnd(rbsp []byte) int {
	for i := len(rbsp) - 1; i >= 0; i-- {
		if c := rbsp[i]; c != 0 {
			for bit := 0; bit < 8; bit++ {
				if c>>bit&1 == 1 {
					return 8*i + 7 - bit
				}
			}
		}
	}
	return -1
}

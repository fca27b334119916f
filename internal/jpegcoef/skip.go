package jpegcoef

// skipBits is the window of the multi-symbol AC table.
const skipBits = 12

// skipTable steps over AC codes without computing coefficients. The
// entry for the next skipBits bits covers the first code that starts in
// them with its magnitude bits, wherever those end (a skip never looks at
// them), and then every further whole (code, magnitude) pair that fits
// in the window, so one lookup usually moves past several coefficients.
// Entry layout (0 = the first code is longer than the window):
//
//	bits 0-6   coefficient positions all its symbols advance
//	bits 7-11  bits they take
//	bit 12     they end with EOB (the EOB's bits included)
type skipTable [1 << skipBits]uint16

const skipEOB = 1 << 12

// skipper returns the table, building it on first use.
func (h *Huff) skipper() *skipTable {
	if h.skip == nil {
		t := new(skipTable)
		d := h.decoder()
		for p := range t {
			t[p] = skipEntry(d, uint32(p))
		}
		h.skip = t
	}
	return h.skip
}

// skipEntry decodes the symbols of window p as the table says.
func skipEntry(d *decTable, p uint32) uint16 {
	used, adv := uint(0), uint(0)
	for n := 0; used < skipBits; n++ {
		sym, l := peekSymbol(d, p, used)
		if l == 0 {
			break
		}
		run, size := uint(sym>>4), uint(sym&15)
		bits, step, eob := l+size, run+1, false
		switch {
		case size > 10:
			return skipPack(adv, used, false) // invalid: the one-symbol path reports it
		case size == 0 && run == 15:
			step = 16
		case size == 0:
			step, eob = 0, true
		}
		if n > 0 && (used+bits > skipBits || adv+step > 64) {
			break
		}
		used, adv = used+bits, adv+step
		if eob {
			return skipPack(adv, used, true)
		}
	}
	return skipPack(adv, used, false)
}

// skipPack makes an entry; no symbol at all makes 0.
func skipPack(adv, used uint, eob bool) uint16 {
	e := uint16(adv) | uint16(used)<<7
	if eob {
		e |= skipEOB
	}
	return e
}

// peekSymbol decodes the code that starts after used bits of the window
// p, returning its symbol and length, or length 0 if it does not fit.
func peekSymbol(d *decTable, p uint32, used uint) (byte, uint) {
	left := skipBits - used
	for l := uint(1); l <= left; l++ {
		code := int32(p>>(left-l)) & (1<<l - 1)
		if code <= d.maxcode[l] {
			return d.vals[byte(d.valptr[l]+code)], l
		}
	}
	return 0, 0
}

// skipAC steps over the AC coefficients of one sequential block from
// zigzag position k (1 for a whole block) on. This is
// the hot loop of both the validator and the splicer's first pass: per
// lookup it moves past one or more coefficients, with the accumulator in
// locals and a refill before every lookup (an entry takes at most 26
// bits, a refill leaves at least 56).
func (r *reader) skipAC(t *skipTable, d *decTable, k uint) error {
	acc, n, pos, buf := r.acc, r.n, r.pos, r.buf
	for {
		var ok bool
		if acc, n, pos, ok = refillFast(buf, acc, n, pos); !ok {
			r.acc, r.n, r.pos = acc, n, pos
			r.refill()
			acc, n, pos = r.acc, r.n, r.pos
		}
		e := uint(t[acc>>(64-skipBits)])
		adv := e & 0x7F
		if e == 0 || k+adv+(e>>12&1) > 64 {
			// A long code, or several symbols crossing the block's end.
			r.acc, r.n, r.pos = acc, n, pos
			step, _, err := r.acStep(d)
			if err != nil {
				return err
			}
			acc, n, pos = r.acc, r.n, r.pos
			if step == 0 {
				break
			}
			if k += step; k >= 64 {
				break
			}
			continue
		}
		b := e >> 7 & 31
		acc <<= b
		n -= b
		k += adv
		if e&skipEOB != 0 || k >= 64 {
			break
		}
	}
	r.acc, r.n, r.pos = acc, n, pos
	if k > 64 {
		return corrupt("AC run past the end of a block")
	}
	return nil
}

// acStep reads one AC symbol and its magnitude bits and returns how many
// positions it advances, 0 for EOB, and the value of the coefficient at
// the last of them (0 for a run of sixteen zeros).
func (r *reader) acStep(d *decTable) (uint, int32, error) {
	s, err := r.decode(d)
	if err != nil {
		return 0, 0, err
	}
	run, size := uint(s>>4), uint(s&15)
	switch {
	case size == 0 && run == 15:
		return 16, 0, nil
	case size == 0:
		return 0, 0, nil
	case size > 10:
		return 0, 0, corrupt("AC coefficient of %d bits", size)
	}
	return run + 1, r.receive(size), nil
}

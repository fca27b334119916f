package jpegcoef

// lookBits is how many bits the single-symbol lookup resolves at once;
// ten cover nearly every code of a photo's tables.
const lookBits = 10

// Huff is one Huffman table as a DHT segment defines it (T.81 B.2.4.2,
// Annex C), with its decoding and encoding forms built on first use.
type Huff struct {
	Counts [16]byte // number of codes of each length 1..16
	Values []byte   // symbols in order of increasing code length
	dec    *decTable
	skip   *skipTable
	full   *fullTable
	enc    *encTable
}

// decTable decodes one symbol: look resolves codes of up to lookBits
// bits (code length<<8 | symbol, 0 for a longer code), maxcode and
// valptr walk the longer ones (T.81 F.2.2.3).
type decTable struct {
	look    [1 << lookBits]uint16
	maxcode [18]int32 // largest code of each length, -1 if none; [17] ends the walk
	valptr  [17]int32 // index in vals of a length's first code, minus that code
	vals    [256]byte
}

// encTable maps a symbol to its code<<8 | length; 0 for a symbol the
// table cannot code.
type encTable [256]uint32

// parseHuff reads one table from the start of b and returns what is left.
func parseHuff(b []byte) (*Huff, []byte, error) {
	if len(b) < 16 {
		return nil, nil, corrupt("short DHT segment")
	}
	h := &Huff{}
	copy(h.Counts[:], b)
	total := 0
	for _, c := range h.Counts {
		total += int(c)
	}
	if total == 0 || total > 256 || total > len(b)-16 {
		return nil, nil, corrupt("bad DHT segment")
	}
	h.Values = b[16 : 16+total : 16+total]
	if !h.fits() {
		return nil, nil, corrupt("bad DHT segment: too many codes")
	}
	return h, b[16+total:], nil
}

// fits reports whether the counts describe a prefix code that leaves
// the all-ones code of every length unused, as libjpeg demands: padding
// before a marker is made of one bits.
func (h *Huff) fits() bool {
	code := 0
	for l := range 16 {
		code += int(h.Counts[l])
		if code >= 2<<l {
			return false
		}
		code <<= 1
	}
	return true
}

// canonical calls fn with each symbol's code and length in code order
// (T.81 C.2): codes of one length are consecutive, and the next length
// appends a zero bit.
func (h *Huff) canonical(fn func(sym byte, code uint32, length uint)) {
	code, k := uint32(0), 0
	for l := range 16 {
		for range h.Counts[l] {
			fn(h.Values[k], code, uint(l+1))
			code++
			k++
		}
		code <<= 1
	}
}

// decoder returns the decoding tables, building them on first use.
func (h *Huff) decoder() *decTable {
	if h.dec != nil {
		return h.dec
	}
	t := &decTable{}
	copy(t.vals[:], h.Values)
	for l := range t.maxcode {
		t.maxcode[l] = -1
	}
	t.maxcode[17] = 1 << 17 // any 17-bit value ends the walk: invalid code
	k := int32(0)
	h.canonical(func(sym byte, code uint32, l uint) {
		if t.maxcode[l] < 0 {
			t.valptr[l] = k - int32(code)
		}
		t.maxcode[l] = int32(code)
		k++
		if l <= lookBits {
			first := code << (lookBits - l)
			for i := first; i < first+1<<(lookBits-l); i++ {
				t.look[i] = uint16(l)<<8 | uint16(sym)
			}
		}
	})
	h.dec = t
	return t
}

// encoder returns the encoding table, building it on first use.
func (h *Huff) encoder() *encTable {
	if h.enc == nil {
		t := &encTable{}
		h.canonical(func(sym byte, code uint32, l uint) { t[sym] = code<<8 | uint32(l) })
		h.enc = t
	}
	return h.enc
}

// segment is the table as a DHT payload for class tc (0 DC, 1 AC) and
// slot th.
func (h *Huff) segment(tc, th int) []byte {
	b := append([]byte{byte(tc<<4 | th)}, h.Counts[:]...)
	return append(b, h.Values...)
}

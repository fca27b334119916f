package jpegcoef

import (
	"math/rand/v2"
	"testing"
)

// lengths maps each symbol a table codes to its code length.
func lengths(h *Huff) map[byte]int {
	m := map[byte]int{}
	h.canonical(func(s byte, _ uint32, l uint) { m[s] = int(l) })
	return m
}

// TestOptimalHuff: the tables built from counts are valid for libjpeg
// (no all-ones code, lengths up to 16) and code every counted symbol,
// the commoner ones no longer than the rarer.
func TestOptimalHuff(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 1, 2, 12, 162, 256} {
		var f [257]int
		for s := range n {
			f[s] = 1 + rng.IntN(1<<uint(rng.IntN(20)))
		}
		h := optimalHuff(&f)
		if !h.fits() {
			t.Fatalf("%d symbols: table does not fit", n)
		}
		l := lengths(h)
		for s := range n {
			if l[byte(s)] == 0 {
				t.Fatalf("%d symbols: symbol %d has no code", n, s)
			}
			for r := range n {
				if f[s] > f[r] && l[byte(s)] > l[byte(r)]+1 {
					t.Errorf("%d symbols: count %d coded in %d bits, count %d in %d", n, f[s], l[byte(s)], f[r], l[byte(r)])
				}
			}
		}
	}
}

// TestExtendKeepsLengths: extending a table keeps every code length but
// those it must lengthen, which are among the longest, and codes the new
// symbols; the result is a valid table.
func TestExtendKeepsLengths(t *testing.T) {
	var f [257]int
	for s := range 40 {
		f[s*3] = 1 << uint(s%15)
	}
	for _, tc := range []struct {
		name string
		src  *Huff
	}{
		{"optimised, one slot free", optimalHuff(&f)},
		{"standard AC luma", parseStd(t)},
	} {
		var need [257]int
		missing := []byte{1, 2, 0xE3, 0x94}
		for _, s := range missing {
			need[s] = int(s)
		}
		before := lengths(tc.src)
		missing = lacking(tc.src, &need)
		h := tc.src.extend(missing, &need)
		if h == nil || !h.fits() {
			t.Fatalf("%s: no valid extension", tc.name)
		}
		after := lengths(h)
		longest := 0
		for _, l := range before {
			longest = max(longest, l)
		}
		for s, l := range before {
			if after[s] != l && l < longest-2 {
				t.Errorf("%s: symbol %#x went from %d to %d bits", tc.name, s, l, after[s])
			}
		}
		for _, s := range missing {
			if after[s] == 0 {
				t.Errorf("%s: new symbol %#x has no code", tc.name, s)
			}
		}
	}
}

// parseStd has the standard luma AC table's code lengths (T.81 K.3.3.2)
// for all AC symbols but the four the test adds.
func parseStd(t *testing.T) *Huff {
	counts := []byte{0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7d - 4}
	vals := []byte{0, 0xF0}
	for r := range 16 {
		for s := 1; s <= 10; s++ {
			if v := byte(r<<4 | s); v != 1 && v != 2 && v != 0xE3 && v != 0x94 {
				vals = append(vals, v)
			}
		}
	}
	h, _, err := parseHuff(append(counts, vals...))
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// TestExtendKeepingKeepsEveryCode: the code-keeping extension gives each
// symbol of the source table its very code, codes the new symbols, and
// is a valid table; a full table (no free code) has no such extension.
func TestExtendKeepingKeepsEveryCode(t *testing.T) {
	var f [257]int
	for s := range 40 {
		f[s*3] = 100 + s // a flat spread: codes of 5 and 6 bits
	}
	src := optimalHuff(&f)
	var need [257]int
	for _, s := range []byte{1, 2, 0xE3} {
		need[s] = int(s)
	}
	missing := lacking(src, &need)
	h := src.extendKeeping(missing, &need)
	if h == nil || !h.fits() {
		t.Fatal("no valid code-keeping extension of an optimised table")
	}
	if !keepsCodes(src, h) {
		t.Error("a code of the source table changed")
	}
	enc := h.encoder()
	for _, s := range missing {
		if enc[s] == 0 {
			t.Errorf("new symbol %#x has no code", s)
		}
	}
	// A table listing a symbol twice (decoders accept it; the fuzzer
	// found one): both of its codes stay, and so does every other.
	dup := &Huff{Counts: [16]byte{0, 2, 2}, Values: []byte{5, 6, 5, 7}}
	if h := dup.extendKeeping([]byte{9}, &need); h == nil || !keepsCodes(dup, h) || h.encoder()[9] == 0 {
		t.Error("a table with a duplicated symbol lost a code or gained none")
	}
	// One code of each length: all the code space but the all-ones code.
	full := &Huff{Counts: [16]byte{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1},
		Values: []byte{0, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17}}
	if !full.fits() {
		t.Fatal("the full table is not valid")
	}
	if full.extendKeeping([]byte{1}, &need) != nil {
		t.Error("a full table was extended without changing a code")
	}
}

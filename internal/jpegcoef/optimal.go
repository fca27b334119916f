package jpegcoef

import "sort"

// optimalHuff builds the table that codes symbols with the given counts
// in the fewest bits, with code lengths of at most 16 and the all-ones
// code kept free, as T.81 K.2 (and libjpeg's jpeg_gen_optimal_table)
// describe. Entry 256 is reserved for that purpose. A table that codes
// nothing gets one symbol, so it stays valid.
func optimalHuff(freq *[257]int) *Huff {
	var f [257]int
	copy(f[:], freq[:])
	if nonzero(f[:256]) == 0 {
		f[0] = 1
	}
	f[256] = 1
	size := codeSizes(&f)
	var counts [33]int
	for _, s := range size {
		if s > 0 {
			counts[s]++
		}
	}
	limitLengths(&counts)
	h := &Huff{}
	for l := 1; l <= 16; l++ {
		h.Counts[l-1] = byte(counts[l])
	}
	h.Values = symbolsByLength(freq, &size)
	return h
}

func nonzero(f []int) int {
	n := 0
	for _, v := range f {
		if v > 0 {
			n++
		}
	}
	return n
}

// codeSizes runs Huffman's algorithm (T.81 Figure K.1) and returns each
// symbol's code length.
func codeSizes(f *[257]int) [257]int {
	var size, others [257]int
	for i := range others {
		others[i] = -1
	}
	for {
		c1, c2 := leastTwo(f)
		if c2 < 0 {
			return size
		}
		f[c1] += f[c2]
		f[c2] = 0
		for c := c1; c >= 0; c = others[c] {
			size[c]++
			if others[c] < 0 {
				others[c] = c2
				break
			}
		}
		for c := c2; c >= 0; c = others[c] {
			size[c]++
		}
	}
}

// leastTwo finds the two smallest nonzero counts, preferring the larger
// symbol on ties (so the reserved 256 gets the longest code).
func leastTwo(f *[257]int) (int, int) {
	c1, c2 := -1, -1
	for i, v := range f {
		if v == 0 {
			continue
		}
		switch {
		case c1 < 0 || v <= f[c1]:
			c1, c2 = i, c1
		case c2 < 0 || v <= f[c2]:
			c2 = i
		}
	}
	return c1, c2
}

// limitLengths moves codes longer than 16 bits up (T.81 Figure K.3) and
// drops the reserved code, which is the longest.
func limitLengths(counts *[33]int) {
	for i := 32; i > 16; i-- {
		for counts[i] > 0 {
			j := i - 2
			for counts[j] == 0 {
				j--
			}
			counts[i] -= 2
			counts[i-1]++
			counts[j+1] += 2
			counts[j]--
		}
	}
	i := 16
	for counts[i] == 0 {
		i--
	}
	counts[i]--
}

// symbolsByLength lists the coded symbols by code length, the commoner
// first among equals, since limitLengths may give equals different
// lengths.
func symbolsByLength(freq *[257]int, size *[257]int) []byte {
	var syms []int
	for s := range 256 {
		if size[s] > 0 {
			syms = append(syms, s)
		}
	}
	sort.SliceStable(syms, func(a, b int) bool {
		x, y := syms[a], syms[b]
		return size[x] < size[y] || size[x] == size[y] && freq[x] > freq[y]
	})
	out := make([]byte, len(syms))
	for i, s := range syms {
		out[i] = byte(s)
	}
	return out
}

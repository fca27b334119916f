package jpegcoef

import (
	"slices"
	"sort"
)

// extend returns a table that codes every symbol h codes plus the
// missing ones, changing h as little as possible: a picture's bits
// outside the label keep their lengths, so the file keeps its size there.
// New symbols take the code space h leaves free (an optimised table
// leaves at least its all-ones code, a standard one more); when that is
// not enough, the symbols with the longest codes, which are the rarest,
// get one bit longer until it is. counts orders the new symbols: the
// most used get the shortest codes the free space allows. It returns nil
// when no room can be made (every code already 16 bits long).
func (h *Huff) extend(missing []byte, counts *[257]int) *Huff {
	var length [256]int
	var order []byte // existing symbols in code order
	h.canonical(func(sym byte, _ uint32, l uint) {
		length[sym] = int(l)
		order = append(order, sym)
	})
	sort.SliceStable(missing, func(a, b int) bool { return counts[missing[a]] > counts[missing[b]] })
	free := 1<<16 - 1 // code space in units of 16-bit codes, all-ones kept out
	for _, s := range order {
		free -= 1 << (16 - length[s])
	}
	for free < len(missing) {
		s, ok := longestBelow16(order, &length)
		if !ok {
			return nil
		}
		length[s]++
		free += 1 << (16 - length[s])
	}
	for i, s := range missing {
		l := 16
		for l > 1 && 1<<(16-l+1) <= free-(len(missing)-i-1) {
			l--
		}
		length[s] = l
		free -= 1 << (16 - l)
		order = append(order, s)
	}
	return byLength(order, &length)
}

// extendKeeping is extend without changing one code of h: h's counts
// and values stay as they are (duplicates included), and the new
// symbols are appended with codes no shorter than h's longest, so they
// come after all of h's in canonical order and each of h's codes keeps
// its bits. A scan coded with h then decodes the same under the result
// (the codes stay prefix-free), and the splicer copies the picture's
// bits outside the label as they are; only the DHT changes. An
// optimised table (libjpeg's keeps the all-ones code of its longest
// length free) has room for 2^(16-L)-1 new codes, L its longest length.
// Nil when h has no room left.
func (h *Huff) extendKeeping(missing []byte, counts *[257]int) *Huff {
	longest, used := 1, 0
	for l := 1; l <= 16; l++ {
		if n := int(h.Counts[l-1]); n > 0 {
			longest, used = l, used+n<<(16-l)
		}
	}
	free := 1<<16 - 1 - used // in units of 16-bit codes, all-ones kept out
	if free < len(missing) || len(h.Values)+len(missing) > 256 {
		return nil
	}
	missing = slices.Clone(missing)
	sort.SliceStable(missing, func(a, b int) bool { return counts[missing[a]] > counts[missing[b]] })
	out := &Huff{Counts: h.Counts, Values: slices.Clone(h.Values)}
	for i, s := range missing { // lengths only grow along the list: canonical order
		l := 16
		for l > longest && 1<<(16-l+1) <= free-(len(missing)-i-1) {
			l--
		}
		free -= 1 << (16 - l)
		if out.Counts[l-1] == 255 {
			return nil
		}
		out.Counts[l-1]++
		out.Values = append(out.Values, s)
	}
	return out
}

// longestBelow16 is the last symbol in code order (so among the longest
// codes) whose code can still grow.
func longestBelow16(order []byte, length *[256]int) (byte, bool) {
	best, found := byte(0), false
	for _, s := range order {
		if l := length[s]; l < 16 && (!found || l >= length[best]) {
			best, found = s, true
		}
	}
	return best, found
}

// byLength builds a table from code lengths, keeping symbols of one
// length in the order given.
func byLength(order []byte, length *[256]int) *Huff {
	h := &Huff{}
	for l := 1; l <= 16; l++ {
		for _, s := range order {
			if length[s] == l {
				h.Counts[l-1]++
				h.Values = append(h.Values, s)
			}
		}
	}
	return h
}

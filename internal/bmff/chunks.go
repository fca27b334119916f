package bmff

import (
	"encoding/binary"
	"errors"
)

// errTable is returned for a sample table whose entries run past its box.
var errTable = errors.New("the sample table is damaged")

// DataEnd is the offset just past the last byte of sample data the track
// points to: the largest chunk offset plus that chunk's samples' sizes.
// A track whose samples live in movie fragments has none (0).
func (t Track) DataEnd() (int64, error) {
	stbl := Path(t.Payload, "mdia", "minf", "stbl")
	if stbl == nil {
		return 0, nil
	}
	offsets, err := chunkOffsets(stbl)
	if err != nil || len(offsets) == 0 {
		return 0, err
	}
	perChunk, err := samplesPerChunk(Child(stbl, "stsc"), len(offsets))
	if err != nil {
		return 0, err
	}
	sizes, err := newSampleSizes(Child(stbl, "stsz"))
	if err != nil {
		return 0, err
	}
	var end int64
	sample := 0
	for i, off := range offsets {
		n := sizes.span(sample, perChunk[i])
		sample += perChunk[i]
		end = max(end, off+n)
	}
	return end, nil
}

// chunkOffsets reads stco (32-bit) or co64 (64-bit) entries.
func chunkOffsets(stbl []byte) ([]int64, error) {
	wide := false
	b := Child(stbl, "stco")
	if b == nil {
		b, wide = Child(stbl, "co64"), true
	}
	if len(b) < 8 {
		return nil, nil
	}
	n := int(binary.BigEndian.Uint32(b[4:]))
	w := 4
	if wide {
		w = 8
	}
	if n < 0 || n > (len(b)-8)/w {
		return nil, errTable
	}
	out := make([]int64, n)
	for i := range out {
		p := b[8+i*w:]
		if wide {
			out[i] = int64(binary.BigEndian.Uint64(p) & (1<<62 - 1))
		} else {
			out[i] = int64(binary.BigEndian.Uint32(p))
		}
	}
	return out, nil
}

// samplesPerChunk expands stsc's runs into a count for each of n chunks.
func samplesPerChunk(stsc []byte, n int) ([]int, error) {
	out := make([]int, n)
	if len(stsc) < 8 {
		return out, nil
	}
	count := int(binary.BigEndian.Uint32(stsc[4:]))
	if count < 0 || count > (len(stsc)-8)/12 {
		return nil, errTable
	}
	for e := range count {
		p := stsc[8+e*12:]
		first, per := int(binary.BigEndian.Uint32(p)), int(binary.BigEndian.Uint32(p[4:]))
		last := n
		if e+1 < count {
			last = int(binary.BigEndian.Uint32(stsc[8+(e+1)*12:])) - 1
		}
		if per > 1<<20 {
			return nil, errTable
		}
		for c := max(first, 1); c <= min(last, n); c++ {
			out[c-1] = per
		}
	}
	return out, nil
}

// sampleSizes is a track's stsz: one size for all, or one per sample.
type sampleSizes struct {
	uniform int64
	table   []byte
}

func newSampleSizes(stsz []byte) (sampleSizes, error) {
	if len(stsz) < 12 {
		return sampleSizes{}, nil
	}
	s := sampleSizes{uniform: int64(binary.BigEndian.Uint32(stsz[4:]))}
	if s.uniform == 0 {
		n := int(binary.BigEndian.Uint32(stsz[8:]))
		if n < 0 || n > (len(stsz)-12)/4 {
			return s, errTable
		}
		s.table = stsz[12 : 12+4*n]
	}
	return s, nil
}

// span is the byte length of n samples from sample i; samples beyond
// the table count as empty, so a damaged count costs no time.
func (s sampleSizes) span(i, n int) int64 {
	if s.uniform != 0 {
		return s.uniform * int64(n)
	}
	var total int64
	for j := i; j < i+n && 4*j+4 <= len(s.table); j++ {
		total += int64(binary.BigEndian.Uint32(s.table[4*j:]))
	}
	return total
}

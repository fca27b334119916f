package video

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"

	"github.com/belgi-kz/belgi/internal/bmff"
)

// rewriteSamples rewrites every sample of the single track of one of
// Belgi's intermediate MP4 files (ftyp, mdat, moov, as ffmpeg writes
// them) through fn, and the track's codec configuration box through
// config; the sample sizes and chunk offsets are written anew.
func rewriteSamples(path, configBox string, fn func(i int, b []byte) ([]byte, error), config func([]byte) ([]byte, error)) error {
	in, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	ftyps, moovs := children(in, "ftyp"), children(in, "moov")
	if len(ftyps) != 1 || len(moovs) != 1 {
		return errors.New("the segment is not a plain MP4 file")
	}
	ftyp, moov := ftyps[0], moovs[0]
	t, err := readTable(in[moov[0]:moov[1]])
	if err != nil {
		return err
	}
	mdat, tab, err := t.rewrite(in, fn)
	if err != nil {
		return err
	}
	head := bmff.Make("ftyp", in[ftyp[0]:ftyp[1]])
	base := len(head) + 8
	body, err := tab.moov(in[moov[0]:moov[1]], base, configBox, config)
	if err != nil {
		return err
	}
	out := append(append(head, bmff.Make("mdat", mdat)...), bmff.Make("moov", body)...)
	return os.WriteFile(path, out, 0o600)
}

// sampleTable is where a track's samples lie: chunk offsets, samples per
// chunk, and sizes.
type sampleTable struct {
	offsets  []int
	perChunk []int
	sizes    []int
}

var stblPath = []string{"trak", "mdia", "minf", "stbl"}

// readTable reads stco (or co64), stsc and stsz of moov's first track.
func readTable(moov []byte) (sampleTable, error) {
	stbl := bmff.Path(moov, stblPath...)
	if stbl == nil {
		return sampleTable{}, errors.New("the segment has no sample table")
	}
	var t sampleTable
	var err error
	if t.offsets, err = chunkOffsets(stbl); err != nil {
		return t, err
	}
	if t.sizes, err = sampleSizes(stbl); err != nil {
		return t, err
	}
	t.perChunk, err = samplesPerChunk(stbl, len(t.offsets))
	return t, err
}

// children lists the payload ranges [start, end) of b's boxes of type
// typ, as far as b parses.
func children(b []byte, typ string) [][2]int {
	boxes, _ := bmff.Parse(b)
	var out [][2]int
	for _, x := range boxes {
		if x.Type == typ {
			off, n := x.Body()
			out = append(out, [2]int{int(off), int(off + n)})
		}
	}
	return out
}

// fullBox returns a full box's payload after version and flags, and its
// first 32-bit field (an entry count or a size).
func fullBox(stbl []byte, typ string) ([]byte, int, bool) {
	cs := children(stbl, typ)
	if len(cs) == 0 || cs[0][1]-cs[0][0] < 8 {
		return nil, 0, false
	}
	p := stbl[cs[0][0]:cs[0][1]]
	return p[8:], int(binary.BigEndian.Uint32(p[4:])), true
}

func chunkOffsets(stbl []byte) ([]int, error) {
	width := 4
	p, n, ok := fullBox(stbl, "stco")
	if !ok {
		if p, n, ok = fullBox(stbl, "co64"); !ok {
			return nil, errors.New("the segment has no chunk offsets")
		}
		width = 8
	}
	if n*width > len(p) {
		return nil, bmff.ErrTruncated
	}
	out := make([]int, n)
	for i := range out {
		if width == 4 {
			out[i] = int(binary.BigEndian.Uint32(p[4*i:]))
		} else {
			out[i] = int(binary.BigEndian.Uint64(p[8*i:]))
		}
	}
	return out, nil
}

func sampleSizes(stbl []byte) ([]int, error) {
	p, fixed, ok := fullBox(stbl, "stsz")
	if !ok || len(p) < 4 {
		return nil, errors.New("the segment has no sample sizes")
	}
	n := int(binary.BigEndian.Uint32(p))
	if (fixed == 0 && 4+4*n > len(p)) || n > 1<<24 {
		return nil, bmff.ErrTruncated
	}
	out := make([]int, n)
	for i := range out {
		out[i] = fixed
		if fixed == 0 {
			out[i] = int(binary.BigEndian.Uint32(p[4+4*i:]))
		}
	}
	return out, nil
}

// samplesPerChunk expands stsc's runs to one count per chunk.
func samplesPerChunk(stbl []byte, chunks int) ([]int, error) {
	p, n, ok := fullBox(stbl, "stsc")
	if !ok || 12*n > len(p) {
		return nil, errors.New("the segment has no readable sample-to-chunk table")
	}
	out := make([]int, chunks)
	for e := range n {
		first := int(binary.BigEndian.Uint32(p[12*e:])) - 1
		per := int(binary.BigEndian.Uint32(p[12*e+4:]))
		for c := max(first, 0); c < chunks; c++ {
			out[c] = per
		}
	}
	return out, nil
}

// rewrite reads the samples chunk by chunk, rewrites each, and returns
// the new mdat payload and the table of its new layout.
func (t sampleTable) rewrite(in []byte, fn func(int, []byte) ([]byte, error)) ([]byte, sampleTable, error) {
	var mdat []byte
	nt := sampleTable{perChunk: t.perChunk}
	s := 0
	for c, off := range t.offsets {
		nt.offsets = append(nt.offsets, len(mdat))
		for range t.perChunk[c] {
			if s >= len(t.sizes) || off+t.sizes[s] > len(in) {
				return nil, nt, fmt.Errorf("%w: sample %d", bmff.ErrTruncated, s)
			}
			b, err := fn(s, in[off:off+t.sizes[s]])
			if err != nil {
				return nil, nt, err
			}
			mdat = append(mdat, b...)
			nt.sizes = append(nt.sizes, len(b))
			off += t.sizes[s]
			s++
		}
	}
	return mdat, nt, nil
}

// moov rebuilds moov's payload with the new sizes, the new chunk offsets
// (mdat's payload starts at base) and the rewritten configuration.
func (t sampleTable) moov(moov []byte, base int, configBox string, config func([]byte) ([]byte, error)) ([]byte, error) {
	stsz := binary.BigEndian.AppendUint32(make([]byte, 8), uint32(len(t.sizes)))
	for _, n := range t.sizes {
		stsz = binary.BigEndian.AppendUint32(stsz, uint32(n))
	}
	stco := binary.BigEndian.AppendUint32(make([]byte, 4), uint32(len(t.offsets)))
	for _, o := range t.offsets {
		if base+o > 1<<32-1 {
			return nil, errors.New("the segment is too large")
		}
		stco = binary.BigEndian.AppendUint32(stco, uint32(base+o))
	}
	var cerr error
	body, err := editChild(moov, append(append([]string{}, stblPath...), "stsz"), 0, func([]byte) []byte { return stsz })
	if err == nil { // ffmpeg writes stco below 4 GiB; co64 is refused by editChild
		body, err = editChild(body, append(append([]string{}, stblPath...), "stco"), 0, func([]byte) []byte { return stco })
	}
	if err == nil {
		path := append(append([]string{}, configPath...), configBox)
		body, err = editChild(body, path, 0, func(old []byte) []byte {
			b, e := config(old)
			cerr = e
			return b
		})
	}
	return body, orFirst(err, cerr)
}

func orFirst(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

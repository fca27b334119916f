package pdf

import (
	"encoding/binary"
	"errors"
	"sort"
)

// subsetTrueType keeps the outlines of the glyphs in keep (and the
// components of composite ones) and empties every other glyph, so glyph
// ids stay as they were and a CIDToGIDMap of /Identity still holds. The
// tables a PDF viewer needs stay (cmap too: 2.6 KB, and some font
// loaders insist on one); layout tables (GSUB, GPOS, GDEF) go, since the
// PDF addresses glyphs by id, and post loses its glyph names.
func subsetTrueType(font []byte, keep map[uint16]bool) ([]byte, error) {
	tables, err := ttTables(font)
	if err != nil {
		return nil, err
	}
	head, loca, glyf, maxp := tables["head"], tables["loca"], tables["glyf"], tables["maxp"]
	if len(head) < 54 || len(maxp) < 6 || glyf == nil || loca == nil {
		return nil, errors.New("font: missing head, maxp, loca or glyf")
	}
	n := int(binary.BigEndian.Uint16(maxp[4:]))
	offs, err := locaOffsets(loca, n, int16(binary.BigEndian.Uint16(head[50:])) == 1, len(glyf))
	if err != nil {
		return nil, err
	}
	closeComposites(glyf, offs, keep)
	newGlyf, newLoca := rebuildGlyf(glyf, offs, keep)
	out := map[string][]byte{"glyf": newGlyf, "loca": newLoca}
	for _, tag := range []string{"head", "hhea", "hmtx", "maxp", "cvt ", "fpgm", "prep", "OS/2", "name", "cmap"} {
		if t, ok := tables[tag]; ok {
			out[tag] = t
		}
	}
	h := append([]byte(nil), head...)
	binary.BigEndian.PutUint16(h[50:], 1) // long loca offsets
	binary.BigEndian.PutUint32(h[8:], 0)  // checkSumAdjustment, set below
	out["head"] = h
	if p, ok := tables["post"]; ok && len(p) >= 32 {
		post := append([]byte(nil), p[:32]...)
		binary.BigEndian.PutUint32(post, 0x00030000) // no glyph names
		out["post"] = post
	}
	return assembleFont(out), nil
}

// ttTables reads the table directory.
func ttTables(font []byte) (map[string][]byte, error) {
	if len(font) < 12 {
		return nil, errors.New("font: too short")
	}
	num := int(binary.BigEndian.Uint16(font[4:]))
	if 12+16*num > len(font) {
		return nil, errors.New("font: table directory truncated")
	}
	tables := map[string][]byte{}
	for i := range num {
		rec := font[12+16*i:]
		off, length := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if uint64(off)+uint64(length) > uint64(len(font)) {
			return nil, errors.New("font: table outside the file")
		}
		tables[string(rec[:4])] = font[off : off+length]
	}
	return tables, nil
}

func locaOffsets(loca []byte, n int, long bool, glyfLen int) ([]int, error) {
	offs := make([]int, n+1)
	for i := range offs {
		switch {
		case long && 4*i+4 <= len(loca):
			offs[i] = int(binary.BigEndian.Uint32(loca[4*i:]))
		case !long && 2*i+2 <= len(loca):
			offs[i] = 2 * int(binary.BigEndian.Uint16(loca[2*i:]))
		default:
			return nil, errors.New("font: loca too short")
		}
		if offs[i] > glyfLen || i > 0 && offs[i] < offs[i-1] {
			return nil, errors.New("font: bad loca")
		}
	}
	return offs, nil
}

// closeComposites adds the components of kept composite glyphs.
func closeComposites(glyf []byte, offs []int, keep map[uint16]bool) {
	keep[0] = true // .notdef
	todo := make([]uint16, 0, len(keep))
	for g := range keep {
		todo = append(todo, g)
	}
	for len(todo) > 0 {
		g := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		if int(g)+1 >= len(offs) {
			continue
		}
		for _, c := range components(glyf[offs[g]:offs[g+1]]) {
			if !keep[c] {
				keep[c] = true
				todo = append(todo, c)
			}
		}
	}
}

// components lists the glyphs a composite glyph is made of.
func components(g []byte) []uint16 {
	if len(g) < 10 || int16(binary.BigEndian.Uint16(g)) >= 0 {
		return nil
	}
	var out []uint16
	for p := 10; p+4 <= len(g); {
		flags := binary.BigEndian.Uint16(g[p:])
		out = append(out, binary.BigEndian.Uint16(g[p+2:]))
		p += 4
		if flags&0x0001 != 0 {
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&0x0008 != 0:
			p += 2
		case flags&0x0040 != 0:
			p += 4
		case flags&0x0080 != 0:
			p += 8
		}
		if flags&0x0020 == 0 {
			break
		}
	}
	return out
}

func rebuildGlyf(glyf []byte, offs []int, keep map[uint16]bool) (newGlyf, newLoca []byte) {
	newLoca = make([]byte, 4*len(offs))
	for g := 0; g+1 < len(offs); g++ {
		if keep[uint16(g)] {
			newGlyf = append(newGlyf, glyf[offs[g]:offs[g+1]]...)
			for len(newGlyf)%4 != 0 {
				newGlyf = append(newGlyf, 0)
			}
		}
		binary.BigEndian.PutUint32(newLoca[4*(g+1):], uint32(len(newGlyf)))
	}
	return newGlyf, newLoca
}

// assembleFont writes a TrueType file from its tables, with checksums.
func assembleFont(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	n := len(tags)
	out := make([]byte, 12+16*n)
	binary.BigEndian.PutUint32(out, 0x00010000)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	es := 0
	for 1<<(es+1) <= n {
		es++
	}
	binary.BigEndian.PutUint16(out[6:], uint16(16<<es))
	binary.BigEndian.PutUint16(out[8:], uint16(es))
	binary.BigEndian.PutUint16(out[10:], uint16(16*n-16<<es))
	headAt := 0
	for i, t := range tags {
		rec := out[12+16*i:]
		copy(rec, t)
		binary.BigEndian.PutUint32(rec[4:], checksum(tables[t]))
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(tables[t])))
		if t == "head" {
			headAt = len(out)
		}
		out = append(out, tables[t]...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	return out
}

func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}

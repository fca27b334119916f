package meta

import (
	"bytes"
	"encoding/binary"
	"regexp"
	"sort"
)

// iccChunks reassembles an ICC profile split over APP2 segments, each
// numbered seq of count (1-based). Any inconsistency yields no profile.
type iccChunks struct {
	parts map[int][]byte
	count int
	bad   bool
}

func (c *iccChunks) add(p []byte) {
	if len(p) < 2 || p[0] == 0 || p[0] > p[1] || (c.count != 0 && c.count != int(p[1])) {
		c.bad = true
		return
	}
	if c.parts == nil {
		c.parts = map[int][]byte{}
	}
	if _, dup := c.parts[int(p[0])]; dup {
		c.bad = true
	}
	c.count = int(p[1])
	c.parts[int(p[0])] = p[2:]
}

func (c *iccChunks) join() []byte {
	if c.bad || c.count == 0 || len(c.parts) != c.count {
		return nil
	}
	var out []byte
	for i := 1; i <= c.count; i++ {
		out = append(out, c.parts[i]...)
	}
	return out
}

// extChunks collects one Extended XMP packet: its full length and the
// chunks by offset, as the XMP specification (part 3, 1.1.3.1) lays out.
type extChunks struct {
	full  uint32
	parts map[uint32][]byte
}

func addExtended(m map[string]*extChunks, p []byte) {
	if len(p) < 40 {
		return
	}
	guid := string(p[:32])
	c := m[guid]
	if c == nil {
		c = &extChunks{full: binary.BigEndian.Uint32(p[32:]), parts: map[uint32][]byte{}}
		m[guid] = c
	}
	c.parts[binary.BigEndian.Uint32(p[36:])] = p[40:]
}

func (c *extChunks) join() []byte {
	offs := make([]uint32, 0, len(c.parts))
	for o := range c.parts {
		offs = append(offs, o)
	}
	sort.Slice(offs, func(i, k int) bool { return offs[i] < offs[k] })
	var out []byte
	for _, o := range offs {
		if int(o) != len(out) {
			return nil
		}
		out = append(out, c.parts[o]...)
	}
	if len(out) != int(c.full) {
		return nil
	}
	return out
}

var reHasExt = regexp.MustCompile(`HasExtendedXMP\s*(?:=\s*["']|>)\s*([0-9A-Fa-f]{32})`)

// guidOf is the GUID a standard XMP packet names its extension by.
func guidOf(xmp []byte) string {
	m := reHasExt.FindSubmatch(xmp)
	if m == nil {
		return ""
	}
	return string(m[1])
}

// setExtended keeps the extended packet the standard one points to, or
// the only one if the standard packet names none.
func (j *JPEGInfo) setExtended(m map[string]*extChunks) {
	guid := guidOf(j.XMP)
	if guid == "" && len(m) == 1 {
		for g := range m {
			guid = g
		}
	}
	if c := m[guid]; c != nil {
		j.ExtendedXMP, j.ExtendedXMPGUID = c.join(), guid
	}
}

// isStdXMP and friends classify a raw segment for the writer.
func isStdXMP(s Segment) bool { return s.Marker == mAPP1 && bytes.HasPrefix(s.Data, nsXMP) }
func isExtXMP(s Segment) bool { return s.Marker == mAPP1 && bytes.HasPrefix(s.Data, nsExtXMP) }
func isICC(s Segment) bool    { return s.Marker == mAPP2 && bytes.HasPrefix(s.Data, nsICC) }
func isAdobe(s Segment) bool  { return s.Marker == mAPPE && bytes.HasPrefix(s.Data, nsAdobe) }
func isJFIF(s Segment) bool   { return s.Marker == mAPP0 && bytes.HasPrefix(s.Data, nsJFIF) }
func isEXIF(s Segment) bool   { return s.Marker == mAPP1 && bytes.HasPrefix(s.Data, exifPrefix) }

// isC2PA spots a JUMBF box in APP11 carrying a C2PA manifest store.
// isMPF: the CIPA Multi-Picture Format index, which points by byte
// offset at images appended after the primary one (phones' depth maps,
// HDR gain maps, large previews).
func isMPF(s Segment) bool { return s.Marker == mAPP2 && bytes.HasPrefix(s.Data, []byte("MPF\x00")) }

func isC2PA(s Segment) bool {
	return s.Marker == mAPPB && bytes.HasPrefix(s.Data, nsJUMBF) && bytes.Contains(s.Data, []byte("c2pa"))
}

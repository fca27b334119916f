package audio

import (
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"io"
	"strconv"
	"strings"

	"github.com/belgi-kz/belgi/internal/wav"
)

// timeline maps programme positions (sample frames) to where they land
// in the labeled file, after the notices inserted before them.
type timeline struct {
	at, length []int64 // each insertion: programme position and frames
}

// shift is where programme frame pos lands: after every block inserted
// at or before it.
func (t timeline) shift(pos int64) int64 {
	out := pos
	for i, a := range t.at {
		if a <= pos {
			out += t.length[i]
		}
	}
	return out
}

// lead is the length of the block before the programme's first frame.
func (t timeline) lead() int64 {
	if len(t.at) > 0 && t.at[0] == 0 {
		return t.length[0]
	}
	return 0
}

// staleChunks describe the source's sample data as a whole (an MD5 of
// it, a peak envelope): after a notice is inserted they would lie.
var staleChunks = map[string]bool{"MD5 ": true, "levl": true}

// adjustChunk moves what a chunk says about sample positions so it still
// points at the same sound: cue points and sampler loops follow the
// programme; BWF's time reference (bext, iXML) moves back by the opening
// notice so the programme keeps its timecode. It reports whether the
// chunk is kept.
func adjustChunk(c *wav.RawChunk, t timeline) bool {
	switch c.ID {
	case "cue ":
		shiftCues(c.Body, t)
	case "smpl":
		shiftLoops(c.Body, t)
	case "bext":
		shiftTimeReference(c.Body, t.lead())
	case "iXML":
		c.Body = shiftIXML(c.Body, t.lead())
	}
	return !staleChunks[c.ID]
}

// shiftCues moves each cue point's position and sample offset.
func shiftCues(b []byte, t timeline) {
	if len(b) < 4 {
		return
	}
	le := binary.LittleEndian
	n := int(le.Uint32(b))
	for i := 0; i < n && 4+24*i+24 <= len(b); i++ {
		p := b[4+24*i:]
		le.PutUint32(p[4:], uint32(t.shift(int64(le.Uint32(p[4:])))))
		le.PutUint32(p[20:], uint32(t.shift(int64(le.Uint32(p[20:])))))
	}
}

// shiftLoops moves each sampler loop's start and end.
func shiftLoops(b []byte, t timeline) {
	if len(b) < 36 {
		return
	}
	le := binary.LittleEndian
	n := int(le.Uint32(b[28:]))
	for i := 0; i < n && 36+24*i+24 <= len(b); i++ {
		p := b[36+24*i:]
		le.PutUint32(p[8:], uint32(t.shift(int64(le.Uint32(p[8:])))))
		le.PutUint32(p[12:], uint32(t.shift(int64(le.Uint32(p[12:])))))
	}
}

// bextTimeRef is where the 64-bit TimeReference sits in a bext chunk:
// after Description (256), Originator (32), OriginatorReference (32),
// OriginationDate (10) and OriginationTime (8).
const bextTimeRef = 338

func shiftTimeReference(b []byte, lead int64) {
	if len(b) < bextTimeRef+8 {
		return
	}
	le := binary.LittleEndian
	if ref := int64(le.Uint64(b[bextTimeRef:])); ref >= lead {
		le.PutUint64(b[bextTimeRef:], uint64(ref-lead))
	}
}

// shiftIXML moves iXML's copy of the time reference, rewriting only the
// two elements' text where the XML tokenizer found it; everything else
// stays byte for byte.
func shiftIXML(b []byte, lead int64) []byte {
	lo, hi, ok := ixmlTimeRef(b)
	if !ok || lead == 0 {
		return b
	}
	vlo, _ := strconv.ParseUint(strings.TrimSpace(string(b[lo[0]:lo[1]])), 10, 32)
	vhi, _ := strconv.ParseUint(strings.TrimSpace(string(b[hi[0]:hi[1]])), 10, 32)
	ref := int64(vhi<<32 | vlo)
	if ref < lead {
		return b
	}
	ref -= lead
	parts := []struct {
		span [2]int64
		text string
	}{{lo, strconv.FormatUint(uint64(ref)&0xFFFFFFFF, 10)}, {hi, strconv.FormatUint(uint64(ref)>>32, 10)}}
	if lo[0] > hi[0] {
		parts[0], parts[1] = parts[1], parts[0]
	}
	var out bytes.Buffer
	prev := int64(0)
	for _, p := range parts {
		out.Write(b[prev:p.span[0]])
		out.WriteString(p.text)
		prev = p.span[1]
	}
	out.Write(b[prev:])
	return out.Bytes()
}

// ixmlTimeRef finds the byte spans of the text of BWF_TIME_REFERENCE_LOW
// and _HIGH.
func ixmlTimeRef(b []byte) (lo, hi [2]int64, ok bool) {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = false
	var open string
	var start int64
	found := 0
	for {
		tok, err := d.Token()
		if err == io.EOF || err != nil {
			return lo, hi, found == 2
		}
		switch t := tok.(type) {
		case xml.StartElement:
			open, start = t.Name.Local, d.InputOffset()
		case xml.EndElement:
			span := [2]int64{start, d.InputOffset() - int64(len(t.Name.Local)) - 3}
			switch {
			case open == "BWF_TIME_REFERENCE_LOW" && t.Name.Local == open:
				lo, found = span, found+1
			case open == "BWF_TIME_REFERENCE_HIGH" && t.Name.Local == open:
				hi, found = span, found+1
			}
			open = ""
		}
	}
}

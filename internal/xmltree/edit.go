package xmltree

import (
	"bytes"
	"sort"
)

// Edits are removals and insertions on a source's bytes, applied in one
// pass so that the offsets Parse found stay valid until then.
type Edits struct{ ops []editOp }

type editOp struct {
	start, end int    // bytes removed (none for an insertion)
	ins        []byte // bytes inserted at start
}

// Remove drops src[start:end].
func (ed *Edits) Remove(start, end int) {
	ed.ops = append(ed.ops, editOp{start: start, end: end})
}

// Insert puts b before src[at].
func (ed *Edits) Insert(at int, b []byte) {
	ed.ops = append(ed.ops, editOp{start: at, end: at, ins: b})
}

// Len is the number of edits.
func (ed *Edits) Len() int { return len(ed.ops) }

// Apply returns src with the edits made. A removal inside a larger one
// is dropped; insertions at the same place keep their order, before a
// removal starting there.
func (ed *Edits) Apply(src []byte) []byte {
	sort.SliceStable(ed.ops, func(i, j int) bool {
		a, b := ed.ops[i], ed.ops[j]
		return a.start < b.start || a.start == b.start && a.end == a.start && b.end != b.start
	})
	var out bytes.Buffer
	out.Grow(len(src))
	pos := 0
	for _, o := range ed.ops {
		if o.start < pos || o.start > len(src) {
			continue
		}
		out.Write(src[pos:o.start])
		out.Write(o.ins)
		pos = max(pos, min(o.end, len(src)))
	}
	out.Write(src[pos:])
	return out.Bytes()
}

// WithSpace extends [start, end) back over the white space before it, so
// removing an element does not leave a blank line.
func WithSpace(src []byte, start, end int) (int, int) {
	for start > 0 && isSpace(src[start-1]) {
		start--
	}
	return start, end
}

// Open makes room inside e: for a self-closed element it replaces "/>"
// with ">" + content + the end tag; otherwise it inserts content before
// the end tag (last) or after the start tag (first).
func Open(src []byte, e *Element, content []byte, first bool, ed *Edits) {
	if !e.SelfClosed() {
		at := e.CloseAt
		if first {
			at = e.TagEnd
		}
		ed.Insert(at, content)
		return
	}
	name := e.Name.Local
	if p := e.Prefix(src); p != "" {
		name = p + ":" + name
	}
	slash := bytes.LastIndexByte(src[e.Start:e.TagEnd], '/')
	ed.Remove(e.Start+slash, e.TagEnd)
	ed.Insert(e.Start+slash, append(append([]byte(">"), content...), "</"+name+">"...))
}

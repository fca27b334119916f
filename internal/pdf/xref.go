package pdf

import (
	"bytes"
	"errors"
	"fmt"
)

// maxObjects bounds object numbers: the PDF specification's own limit
// is 8,388,607, and an xref that claims more is damaged or hostile.
const maxObjects = 8388607

// loadXref reads the newest cross-reference section and every older one
// its /Prev chain reaches; newer entries win.
func (f *File) loadXref() error {
	off, err := f.findStartxref()
	if err != nil {
		return err
	}
	f.startxref = int64(off)
	seen := map[int]bool{}
	for first := true; off >= 0; first = false {
		if seen[off] {
			return errors.New("the /Prev chain of cross-reference sections loops")
		}
		seen[off] = true
		trailer, isStream, err := f.readSection(off)
		if err != nil {
			return err
		}
		if first {
			f.trailer, f.xrefStream = trailer, isStream
		} else {
			f.inheritTrailer(trailer)
		}
		if hyb, ok := intOf(trailer.Get("XRefStm")); ok && !isStream && !seen[hyb] {
			seen[hyb] = true
			if _, _, err := f.readSection(hyb); err != nil {
				return fmt.Errorf("hybrid cross-reference stream: %w", err)
			}
		}
		off = -1
		if p, ok := intOf(trailer.Get("Prev")); ok {
			off = p
		}
	}
	return nil
}

// inheritTrailer fills keys a newer trailer lacks from an older one.
func (f *File) inheritTrailer(older Dict) {
	for _, k := range []Name{"Root", "Info", "ID", "Encrypt"} {
		if !f.trailer.Has(k) && older.Has(k) {
			f.trailer = f.trailer.With(k, older.Get(k))
		}
	}
}

// findStartxref reads the offset after the last "startxref" near the
// end of the file, where the specification puts it.
func (f *File) findStartxref() (int, error) {
	tail := max(0, len(f.data)-64<<10)
	i := bytes.LastIndex(f.data[tail:], []byte("startxref"))
	if i < 0 {
		return 0, errors.New("no startxref")
	}
	l := &lexer{b: f.data, pos: tail + i + len("startxref")}
	t, err := l.token()
	n, ok := t.(int64)
	if err != nil || !ok || n < 0 || n >= int64(len(f.data)) {
		return 0, errors.New("startxref does not point into the file")
	}
	return int(n), nil
}

// readSection merges the section at off (a table or a stream) into the
// xref, keeping entries already there, and returns its trailer.
func (f *File) readSection(off int) (Dict, bool, error) {
	l := &lexer{b: f.data, pos: off}
	t, err := l.token()
	if err != nil {
		return nil, false, err
	}
	if t == keyword("xref") {
		d, err := f.readTable(l)
		return d, false, err
	}
	o, _, err := f.parseAt(off, -1)
	s, ok := o.(*Stream)
	if err != nil || !ok || NameOf(s.Dict.Get("Type")) != "XRef" {
		return nil, false, fmt.Errorf("no cross-reference at offset %d", off)
	}
	return s.Dict, true, f.readXrefStream(s)
}

// readTable reads the subsections of a classic table after "xref" and
// the trailer dictionary after them. Entries are read as tokens, so a
// table whose lines are 19 or 21 bytes long still reads.
func (f *File) readTable(l *lexer) (Dict, error) {
	for {
		t, err := l.object(0)
		if err != nil {
			return nil, err
		}
		if t == keyword("trailer") {
			d, err := l.object(0)
			if dict, ok := d.(Dict); ok && err == nil {
				return dict, nil
			}
			return nil, errors.New("the trailer is not a dictionary")
		}
		start, ok1 := intOf(t)
		c, _ := l.object(0)
		count, ok2 := intOf(c)
		if !ok1 || !ok2 || start < 0 || count < 0 || start+count > maxObjects {
			return nil, errors.New("a cross-reference subsection header is damaged")
		}
		for i := range count {
			if err := f.tableEntry(l, start+i); err != nil {
				return nil, err
			}
		}
	}
}

func (f *File) tableEntry(l *lexer, num int) error {
	a, _ := l.token()
	b, _ := l.token()
	k, _ := l.token()
	off, ok1 := a.(int64)
	gen, ok2 := intOf(b)
	if !ok1 || !ok2 || (k != keyword("n") && k != keyword("f")) {
		return fmt.Errorf("cross-reference entry for object %d is damaged", num)
	}
	if _, seen := f.xref[num]; seen {
		return nil
	}
	e := entry{kind: 1, off: off, gen: gen}
	if k == keyword("f") {
		e = entry{}
	}
	f.xref[num] = e
	return nil
}

// readXrefStream merges a cross-reference stream's entries.
func (f *File) readXrefStream(s *Stream) error {
	data, err := decode(s.Dict, s.Raw, f)
	if err != nil {
		return fmt.Errorf("cross-reference stream: %w", err)
	}
	w, ok := widths(s.Dict.Get("W"))
	if !ok {
		return errors.New("cross-reference stream: bad /W")
	}
	size, _ := intOf(s.Dict.Get("Size"))
	index := Array{int64(0), int64(size)}
	if a, ok := s.Dict.Get("Index").(Array); ok {
		index = a
	}
	row := w[0] + w[1] + w[2]
	pos := 0
	for i := 0; i+1 < len(index); i += 2 {
		start, ok1 := intOf(index[i])
		count, ok2 := intOf(index[i+1])
		if !ok1 || !ok2 || start < 0 || count < 0 || start+count > maxObjects {
			return errors.New("cross-reference stream: bad /Index")
		}
		for n := start; n < start+count; n++ {
			if len(f.xref) > len(f.data)/4+16 {
				return errors.New("cross-reference stream: more entries than the file can hold")
			}
			if pos+row > len(data) {
				return errors.New("cross-reference stream: fewer entries than /Index says")
			}
			f.streamEntry(n, data[pos:pos+row], w)
			pos += row
		}
	}
	return nil
}

func widths(o Object) ([3]int, bool) {
	var w [3]int
	a, ok := o.(Array)
	if !ok || len(a) != 3 {
		return w, false
	}
	for i := range w {
		n, ok := intOf(a[i])
		if !ok || n < 0 || n > 8 {
			return w, false
		}
		w[i] = n
	}
	return w, w[1] > 0
}

func (f *File) streamEntry(num int, row []byte, w [3]int) {
	field := func(b []byte) int64 {
		var v int64
		for _, c := range b {
			v = v<<8 | int64(c)
		}
		return v
	}
	kind := int64(1)
	if w[0] > 0 {
		kind = field(row[:w[0]])
	}
	if _, seen := f.xref[num]; seen || kind > 2 {
		return // newer sections win; unknown types are ignored, as the spec asks
	}
	f.xref[num] = entry{kind: byte(kind), off: field(row[w[0] : w[0]+w[1]]), gen: int(field(row[w[0]+w[1]:]))}
	if kind == 0 {
		f.xref[num] = entry{}
	}
}

// checkXref verifies that every entry points at the object it names,
// so that a table with wrong offsets is rebuilt rather than trusted.
func (f *File) checkXref() error {
	if len(f.xref) > len(f.data)/4+16 {
		return errors.New("the cross-reference lists more objects than the file can hold")
	}
	for num, e := range f.xref {
		switch e.kind {
		case 1:
			if !f.objectAt(int(e.off), num) {
				return fmt.Errorf("object %d is not at offset %d", num, e.off)
			}
		case 2:
			if s, ok := f.xref[int(e.off)]; !ok || s.kind != 1 {
				return fmt.Errorf("object %d lies in a missing object stream", num)
			}
		}
	}
	if _, ok := f.trailer.Get("Root").(Ref); !ok {
		return errors.New("the trailer has no /Root")
	}
	return nil
}

// objectAt reports whether "num gen obj" starts at off (after white
// space, which some writers count).
func (f *File) objectAt(off, num int) bool {
	if off <= 0 || off >= len(f.data) {
		return false
	}
	l := &lexer{b: f.data, pos: off}
	n, _ := l.token()
	_, _ = l.token()
	k, _ := l.token()
	v, ok := n.(int64)
	return ok && int(v) == num && k == keyword("obj")
}

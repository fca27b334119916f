package pdf

import (
	"bytes"
	"errors"
)

// reconstruct rebuilds the cross-reference by reading the file from the
// start, object after object, the way poppler and qpdf recover a damaged
// one. A later definition of an object wins, as in an incremental
// update. The trailer is the last trailer or cross-reference stream
// dictionary that names a catalog, else the last catalog found.
func (f *File) reconstruct() error {
	var catalog Ref
	for pos := 0; pos < len(f.data); {
		i := bytes.Index(f.data[pos:], []byte("obj"))
		if i < 0 {
			break
		}
		at := pos + i
		pos = at + 3
		start, num, gen, ok := f.objHeaderBefore(at)
		if !ok {
			continue
		}
		o, end, err := f.parseAt(start, num)
		if err != nil {
			continue
		}
		pos = max(pos, end)
		f.xref[num] = entry{kind: 1, off: int64(start), gen: gen}
		f.noteRecovered(num, o, &catalog)
	}
	f.findTrailers()
	if _, ok := f.trailer.Get("Root").(Ref); !ok && catalog.Num > 0 {
		f.trailer = f.trailer.With("Root", catalog)
	}
	if _, ok := f.trailer.Get("Root").(Ref); !ok {
		return errors.New("no document catalog found")
	}
	f.xrefStream = f.hasObjStms()
	f.cache, f.objStms = map[int]Object{}, map[int]*objStream{}
	return nil
}

// objHeaderBefore reads "num gen " before the "obj" at at, on a line of
// its own or after white space, and returns where "num" starts.
func (f *File) objHeaderBefore(at int) (start, num, gen int, ok bool) {
	if at+3 < len(f.data) && !isSpace(f.data[at+3]) && !isDelim(f.data[at+3]) {
		return 0, 0, 0, false
	}
	p := at
	var fields [2]int
	for k := 1; k >= 0; k-- {
		e := p
		for e > 0 && isSpace(f.data[e-1]) {
			e--
		}
		s := e
		for s > 0 && f.data[s-1] >= '0' && f.data[s-1] <= '9' && e-s < 10 {
			s--
		}
		if s == e || e == p && k == 1 {
			return 0, 0, 0, false
		}
		n, isInt := parseNumber(f.data[s:e])
		v, _ := n.(int64)
		if !isInt || v > maxObjects {
			return 0, 0, 0, false
		}
		fields[k], p = int(v), s
	}
	if p > 0 && !isSpace(f.data[p-1]) && !isDelim(f.data[p-1]) {
		return 0, 0, 0, false
	}
	return p, fields[0], fields[1], fields[0] > 0
}

// noteRecovered remembers catalogs and registers the objects an object
// stream holds.
func (f *File) noteRecovered(num int, o Object, catalog *Ref) {
	switch v := o.(type) {
	case Dict:
		if NameOf(v.Get("Type")) == "Catalog" {
			*catalog = Ref{Num: num}
		}
	case *Stream:
		if NameOf(v.Dict.Get("Type")) != "ObjStm" {
			return
		}
		delete(f.objStms, num)
		s, err := f.objStream(num)
		if err != nil {
			return
		}
		for i, n := range s.nums {
			f.xref[n] = entry{kind: 2, off: int64(num), gen: i}
			if d, ok := f.objFromStream(s, i).(Dict); ok && NameOf(d.Get("Type")) == "Catalog" {
				*catalog = Ref{Num: n}
			}
		}
	}
}

// findTrailers takes the last "trailer" dictionary or cross-reference
// stream dictionary that names a /Root.
func (f *File) findTrailers() {
	for pos := 0; pos < len(f.data); {
		i := bytes.Index(f.data[pos:], []byte("trailer"))
		if i < 0 {
			break
		}
		l := &lexer{b: f.data, pos: pos + i + len("trailer")}
		pos = l.pos
		if d, err := l.object(0); err == nil {
			pos = l.pos
			if dict, ok := d.(Dict); ok && dict.Has("Root") {
				f.trailer = dict
			}
		}
	}
	if f.trailer == nil {
		f.trailer = f.lastXrefStreamDict()
	}
	f.trailer = f.trailer.Without("Prev").Without("XRefStm")
}

// lastXrefStreamDict is the dictionary of the cross-reference stream
// latest in the file that names a /Root.
func (f *File) lastXrefStreamDict() Dict {
	var best Dict
	bestOff := int64(-1)
	for num, e := range f.xref {
		if e.kind != 1 || e.off < bestOff {
			continue
		}
		o, _ := f.Get(Ref{Num: num})
		if s, ok := o.(*Stream); ok && NameOf(s.Dict.Get("Type")) == "XRef" && s.Dict.Has("Root") {
			best, bestOff = s.Dict, e.off
		}
	}
	return best
}

// hasObjStms reports whether any object lives in an object stream; then
// the rebuilt xref must be a stream, since a table cannot say so.
func (f *File) hasObjStms() bool {
	for _, e := range f.xref {
		if e.kind == 2 {
			return true
		}
	}
	return false
}

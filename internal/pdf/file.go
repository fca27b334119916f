package pdf

import (
	"bytes"
	"errors"
	"fmt"
)

// entry is one cross-reference entry.
type entry struct {
	kind byte  // 0 free, 1 at an offset, 2 inside an object stream
	off  int64 // kind 1: byte offset; kind 2: the object stream's number
	gen  int   // kind 1: generation; kind 2: index in the stream
}

// File is a parsed PDF: its bytes, the merged cross-reference of every
// revision, and the newest trailer. It only reads; Update writes.
type File struct {
	data    []byte
	xref    map[int]entry
	trailer Dict
	// startxref is the offset of the newest cross-reference section,
	// the /Prev of the next one.
	startxref int64
	// xrefStream: the newest section is a cross-reference stream, so
	// the next one should be too.
	xrefStream bool
	// Repaired: the cross-reference was damaged and was rebuilt by
	// scanning the file for objects, as poppler and qpdf do.
	Repaired bool

	// badLength lists streams whose /Length was wrong, read up to their
	// "endstream" instead.
	badLength map[int]bool

	cache     map[int]Object
	objStms   map[int]*objStream
	resolving map[int]bool
}

// MaxSize bounds the PDFs Belgi reads into memory.
const MaxSize = 2 << 30

// ErrEncrypted is returned for PDFs with an /Encrypt dictionary.
var ErrEncrypted = errors.New("the PDF is encrypted")

// Open parses data. It prefers the file's own cross-reference; when that
// is missing or points at the wrong bytes, it rebuilds it by scanning.
func Open(data []byte) (*File, error) {
	if len(data) == 0 {
		return nil, errors.New("the file is empty")
	}
	if !bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-")) {
		return nil, errors.New("not a PDF: no %PDF- header")
	}
	f := &File{data: data}
	f.reset()
	if err := f.loadXref(); err != nil || f.checkXref() != nil {
		f.reset()
		if err := f.reconstruct(); err != nil {
			return nil, fmt.Errorf("not a readable PDF (damaged or truncated?): %w", err)
		}
		f.Repaired = true
	}
	if f.trailer.Has("Encrypt") {
		return f, ErrEncrypted
	}
	if _, ok := f.Resolve(f.trailer.Get("Root")).(Dict); !ok {
		return nil, errors.New("not a readable PDF: the document catalog is missing")
	}
	return f, nil
}

func (f *File) reset() {
	f.xref = map[int]entry{}
	f.trailer = nil
	f.cache = map[int]Object{}
	f.badLength = map[int]bool{}
	f.objStms = map[int]*objStream{}
	f.resolving = map[int]bool{}
}

// Trailer is the newest trailer dictionary.
func (f *File) Trailer() Dict { return f.trailer }

// Data is the file's bytes.
func (f *File) Data() []byte { return f.data }

// Catalog is the document catalog.
func (f *File) Catalog() Dict {
	d, _ := f.Resolve(f.trailer.Get("Root")).(Dict)
	return d
}

// Resolve follows references (a chain of them, too) to a direct object.
// A missing or unreadable object resolves to nil, as the PDF
// specification says a reference to a missing object does.
func (f *File) Resolve(o Object) Object {
	for range 8 {
		r, ok := o.(Ref)
		if !ok {
			return o
		}
		o, _ = f.Get(r)
	}
	return nil
}

// Get returns the object r points at.
func (f *File) Get(r Ref) (Object, error) {
	if o, ok := f.cache[r.Num]; ok {
		return o, nil
	}
	if f.resolving[r.Num] {
		return nil, fmt.Errorf("object %d refers to itself", r.Num)
	}
	f.resolving[r.Num] = true
	defer delete(f.resolving, r.Num)
	e, ok := f.xref[r.Num]
	var o Object
	var err error
	switch {
	case !ok || e.kind == 0:
		return nil, fmt.Errorf("object %d is not in the file", r.Num)
	case e.kind == 1:
		o, _, err = f.parseAt(int(e.off), r.Num)
	default:
		o, err = f.fromStream(int(e.off), e.gen, r.Num)
	}
	if err != nil {
		return nil, fmt.Errorf("object %d: %w", r.Num, err)
	}
	f.cache[r.Num] = o
	return o, nil
}

// Objects lists the numbers of every object in use.
func (f *File) Objects() []int {
	var out []int
	for n, e := range f.xref {
		if e.kind != 0 && n > 0 {
			out = append(out, n)
		}
	}
	return out
}

// Gen is the generation of object num as the xref states it.
func (f *File) Gen(num int) int {
	if e := f.xref[num]; e.kind == 1 {
		return e.gen
	}
	return 0
}

// parseAt reads "num gen obj ... endobj" at off and returns the object
// and where it ends.
func (f *File) parseAt(off, want int) (Object, int, error) {
	if off < 0 || off >= len(f.data) {
		return nil, 0, fmt.Errorf("offset %d is outside the file", off)
	}
	l := &lexer{b: f.data, pos: off}
	num, err1 := l.token()
	_, err2 := l.token()
	kw, err3 := l.token()
	if err := errors.Join(err1, err2, err3); err != nil || kw != keyword("obj") {
		return nil, 0, fmt.Errorf("no object at offset %d", off)
	}
	if n, _ := num.(int64); int(n) != want && want >= 0 {
		return nil, 0, fmt.Errorf("offset %d holds object %d", off, n)
	}
	o, err := l.object(0)
	if err != nil {
		return nil, 0, err
	}
	d, isDict := o.(Dict)
	if !isDict {
		return o, l.pos, nil
	}
	save := l.pos
	if t, err := l.token(); err != nil || t != keyword("stream") {
		l.pos = save
		return d, l.pos, nil
	}
	return f.streamAt(l, d, want)
}

// streamAt reads the data after "stream": /Length bytes when they are
// followed by "endstream", else up to the next "endstream", as readers
// recover a wrong /Length.
func (f *File) streamAt(l *lexer, d Dict, num int) (Object, int, error) {
	start := l.pos
	if start < len(f.data) && f.data[start] == '\r' {
		start++
	}
	if start < len(f.data) && f.data[start] == '\n' {
		start++
	}
	if n, ok := intOf(f.Resolve(d.Get("Length"))); ok && n >= 0 && start+n <= len(f.data) {
		after := &lexer{b: f.data, pos: start + n}
		if t, err := after.token(); err == nil && t == keyword("endstream") {
			return &Stream{Dict: d, Raw: f.data[start : start+n]}, after.pos, nil
		}
	}
	i := bytes.Index(f.data[start:], []byte("endstream"))
	if i < 0 {
		return nil, 0, errors.New("a stream has no endstream")
	}
	f.badLength[num] = true
	end := start + i
	if end > start && f.data[end-1] == '\n' {
		end--
	}
	if end > start && f.data[end-1] == '\r' {
		end--
	}
	return &Stream{Dict: d, Raw: f.data[start:end]}, start + i + len("endstream"), nil
}

package pdf

import (
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"maps"
	"slices"
	"strconv"
)

// update collects the objects of an incremental update: new ones and new
// versions of existing ones. Bytes() appends them to the original with a
// cross-reference section of the kind the file already uses.
type update struct {
	f    *File
	next int
	objs map[int]Object
	gens map[int]int
	// dataAt is where each stream object's data starts in the output,
	// known once Bytes has run.
	dataAt map[int]int64
}

func newUpdate(f *File) *update {
	next, _ := intOf(f.trailer.Get("Size"))
	for n := range f.xref {
		next = max(next, n+1)
	}
	return &update{f: f, next: max(next, 1), objs: map[int]Object{}, gens: map[int]int{}, dataAt: map[int]int64{}}
}

// add stores a new object and returns its reference.
func (u *update) add(o Object) Ref {
	r := Ref{Num: u.next}
	u.next++
	u.objs[r.Num], u.gens[r.Num] = o, 0
	return r
}

// set stores a new version of an existing object, keeping its number.
func (u *update) set(r Ref, o Object) {
	u.objs[r.Num], u.gens[r.Num] = o, r.Gen
}

// current is the newest version of object r: the one this update holds,
// else the file's. Edits build on it, so two edits of one object (in a
// file where a page is also the catalog) both stay.
func (u *update) current(r Ref) Object {
	if o, ok := u.objs[r.Num]; ok {
		return o
	}
	return u.f.Resolve(r)
}

// Bytes is the original file followed by the update. A file whose xref
// had to be rebuilt gets a complete cross-reference, without /Prev, so
// that readers no longer depend on the damaged one.
func (u *update) Bytes() []byte {
	out := slices.Clip(u.f.data)
	if n := len(out); n > 0 && out[n-1] != '\n' && out[n-1] != '\r' {
		out = append(out, '\n')
	}
	offs := map[int]entry{}
	if u.f.Repaired {
		for n, e := range u.f.xref {
			offs[n] = e
		}
	}
	for _, n := range slices.Sorted(maps.Keys(u.objs)) {
		offs[n] = entry{kind: 1, off: int64(len(out)), gen: u.gens[n]}
		out = appendIndirect(out, n, u.gens[n], u.objs[n])
		if s, ok := u.objs[n].(*Stream); ok {
			u.dataAt[n] = int64(len(out) - len(s.Raw) - len(streamTail))
		}
	}
	at := len(out)
	if u.f.xrefStream {
		out = u.appendXrefStream(out, offs)
	} else {
		out = u.appendXrefTable(out, offs)
	}
	out = append(out, "startxref\n"...)
	out = strconv.AppendInt(out, int64(at), 10)
	return append(out, "\n%%EOF\n"...)
}

func appendIndirect(b []byte, num, gen int, o Object) []byte {
	b = strconv.AppendInt(b, int64(num), 10)
	b = append(b, ' ')
	b = strconv.AppendInt(b, int64(gen), 10)
	b = append(b, " obj\n"...)
	b = appendObject(b, o)
	return append(b, objTail...)
}

// What follows an indirect object, and a stream's data.
const (
	objTail    = "\nendobj\n"
	streamTail = "\nendstream" + objTail
)

// trailer is the new trailer: the old one's catalog, info and first ID,
// a new second ID (the specification asks for one per revision), and
// /Prev unless the xref is complete.
func (u *update) trailer(seed []byte) Dict {
	t := Dict{{"Size", int64(u.next)}}
	for _, k := range []Name{"Root", "Info"} {
		if v := u.f.trailer.Get(k); v != nil {
			t = append(t, Entry{k, v})
		}
	}
	sum := sha256.Sum256(seed)
	second := String{B: sum[:16], Hex: true}
	first := second
	if id, ok := u.f.Resolve(u.f.trailer.Get("ID")).(Array); ok && len(id) == 2 {
		if s, ok := u.f.Resolve(id[0]).(String); ok {
			first = s
		}
	}
	t = append(t, Entry{"ID", Array{first, second}})
	if !u.f.Repaired {
		t = append(t, Entry{"Prev", u.f.startxref})
	}
	return t
}

// runs groups sorted object numbers into xref subsections.
func runs(nums []int) [][2]int {
	var out [][2]int
	for _, n := range nums {
		if k := len(out); k > 0 && out[k-1][0]+out[k-1][1] == n {
			out[k-1][1]++
			continue
		}
		out = append(out, [2]int{n, 1})
	}
	return out
}

func (u *update) appendXrefTable(out []byte, offs map[int]entry) []byte {
	if u.f.Repaired {
		offs[0] = entry{kind: 0, gen: 65535}
	}
	nums := slices.Sorted(maps.Keys(offs))
	out = append(out, "xref\n"...)
	for _, r := range runs(nums) {
		out = strconv.AppendInt(out, int64(r[0]), 10)
		out = append(out, ' ')
		out = strconv.AppendInt(out, int64(r[1]), 10)
		out = append(out, '\n')
		for n := r[0]; n < r[0]+r[1]; n++ {
			e := offs[n]
			kind := "n"
			if e.kind == 0 {
				kind = "f"
			}
			out = append(out, padded(e.off, 10)+" "+padded(int64(e.gen), 5)+" "+kind+" \n"...)
		}
	}
	out = append(out, "trailer\n"...)
	out = appendDict(out, u.trailer(out))
	return append(out, '\n')
}

func padded(v int64, n int) string {
	s := strconv.FormatInt(v, 10)
	for len(s) < n {
		s = "0" + s
	}
	return s
}

// appendXrefStream writes the section as a cross-reference stream that
// lists itself too.
func (u *update) appendXrefStream(out []byte, offs map[int]entry) []byte {
	self := u.next
	u.next++
	offs[self] = entry{kind: 1, off: int64(len(out))}
	if u.f.Repaired {
		offs[0] = entry{kind: 0, gen: 65535}
	}
	nums := slices.Sorted(maps.Keys(offs))
	w2, w3 := 1, 1
	for _, e := range offs {
		w2, w3 = max(w2, byteLen(e.off)), max(w3, byteLen(int64(e.gen)))
	}
	var rows bytes.Buffer
	var index Array
	for _, r := range runs(nums) {
		index = append(index, int64(r[0]), int64(r[1]))
		for n := r[0]; n < r[0]+r[1]; n++ {
			e := offs[n]
			rows.WriteByte(e.kind)
			putBE(&rows, e.off, w2)
			putBE(&rows, int64(e.gen), w3)
		}
	}
	d := append(u.trailer(out), Entry{"Type", Name("XRef")}, Entry{"W", Array{int64(1), int64(w2), int64(w3)}}, Entry{"Index", index})
	return appendIndirect(out, self, 0, flateStream(d, rows.Bytes()))
}

func byteLen(v int64) int {
	n := 1
	for v > 0xff {
		v >>= 8
		n++
	}
	return n
}

func putBE(b *bytes.Buffer, v int64, n int) {
	for i := n - 1; i >= 0; i-- {
		b.WriteByte(byte(v >> (8 * i)))
	}
}

// flateStream compresses data into a stream with dictionary d.
func flateStream(d Dict, data []byte) *Stream {
	var b bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&b, zlib.BestCompression)
	zw.Write(data)
	zw.Close()
	return &Stream{Dict: append(slices.Clone(d), Entry{"Filter", Name("FlateDecode")}), Raw: b.Bytes()}
}

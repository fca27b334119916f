package pdf

import (
	"errors"
	"fmt"
)

// C2PA 2.x embeds a manifest store in a PDF as an embedded file: a
// stream of type application/c2pa, whose file specification has the
// /AFRelationship /C2PA_Manifest and is listed in the document catalog's
// associated files (/AF). The store's c2pa.hash.data leaves out exactly
// the stream's data, so the store can be written after the hash.

// c2paName is the embedded file's name, as c2pa-rs writes it.
const c2paName = "Content Credentials"

// ManifestStore returns the C2PA manifest store the PDF carries, nil if
// it carries none.
func ManifestStore(data []byte) ([]byte, error) {
	f, err := Open(data)
	if err != nil {
		return nil, refusal(err)
	}
	_, s := f.c2paFileSpec()
	if s == nil {
		return nil, nil
	}
	store, err := decode(s.Dict, s.Raw, f)
	if err != nil {
		return nil, fmt.Errorf("the C2PA manifest stream: %w", err)
	}
	return store, nil
}

// c2paFileSpec finds the catalog's associated file that holds the
// manifest store: its index in /AF (-1 if none) and its embedded file.
func (f *File) c2paFileSpec() (int, *Stream) {
	af, _ := f.Resolve(f.Catalog().Get("AF")).(Array)
	for i, spec := range af {
		d, _ := f.Resolve(spec).(Dict)
		if NameOf(f.Resolve(d.Get("AFRelationship"))) != "C2PA_Manifest" {
			continue
		}
		ef, _ := f.Resolve(d.Get("EF")).(Dict)
		if s, ok := f.Resolve(ef.Get("F")).(*Stream); ok {
			return i, s
		}
	}
	return -1, nil
}

// ReserveManifest returns data followed by an incremental update that
// embeds n zero bytes as the document's manifest store (replacing, in
// /AF, any store it had), and where those bytes start: the caller hashes
// the rest and writes the signed store of exactly n bytes there.
func ReserveManifest(data []byte, n int) ([]byte, int64, error) {
	f, err := Open(data)
	if err != nil {
		return nil, 0, refusal(err)
	}
	root, ok := f.trailer.Get("Root").(Ref)
	if !ok {
		return nil, 0, errors.New("the trailer's /Root is not a reference")
	}
	u := newUpdate(f)
	stream := u.add(&Stream{Dict: Dict{{"Type", Name("EmbeddedFile")}, {"Subtype", Name("application/c2pa")}}, Raw: make([]byte, n)})
	name := String{B: []byte(c2paName)}
	spec := u.add(Dict{
		{"Type", Name("Filespec")}, {"F", name}, {"UF", name}, {"Desc", name},
		{"AFRelationship", Name("C2PA_Manifest")}, {"EF", Dict{{"F", stream}}},
	})
	old, _ := f.c2paFileSpec()
	af := Array{}
	existing, _ := f.Resolve(f.Catalog().Get("AF")).(Array)
	for i, e := range existing {
		if i != old {
			af = append(af, e)
		}
	}
	u.set(root, f.Catalog().With("AF", append(af, spec)))
	out := u.Bytes()
	return out, u.dataAt[stream.Num], nil
}

package pdf

// notesFor says what a reader of the labeled copy should know about the
// source: a rebuilt cross-reference, signatures that now cover only the
// original revision, Content Credentials that no longer match.
func notesFor(f *File) []string {
	var notes []string
	if f.Repaired {
		notes = append(notes, "the source's cross-reference table was damaged; the labeled copy carries a rebuilt one")
	}
	if f.signed() {
		notes = append(notes, "the PDF is digitally signed: the signature still covers the original revision, and viewers will show that the notice was added after signing")
	}
	if f.hasC2PA() {
		notes = append(notes, "the source's Content Credentials (C2PA) no longer validate: they hash the original file, which the notice changes")
	}
	return notes
}

// signed reports an AcroForm with signatures (SigFlags bit 1) or a
// certification (/Perms).
func (f *File) signed() bool {
	cat := f.Catalog()
	form, _ := f.Resolve(cat.Get("AcroForm")).(Dict)
	flags, _ := intOf(f.Resolve(form.Get("SigFlags")))
	return flags&1 != 0 || cat.Get("Perms") != nil
}

// hasC2PA reports a C2PA manifest store: an associated file of the
// document with /AFRelationship /C2PA_Manifest, or an embedded file of
// type application/c2pa.
func (f *File) hasC2PA() bool {
	cat := f.Catalog()
	af, _ := f.Resolve(cat.Get("AF")).(Array)
	for _, spec := range af {
		d, _ := f.Resolve(spec).(Dict)
		if NameOf(f.Resolve(d.Get("AFRelationship"))) == "C2PA_Manifest" {
			return true
		}
		ef, _ := f.Resolve(d.Get("EF")).(Dict)
		if s, ok := f.Resolve(ef.Get("F")).(*Stream); ok && NameOf(s.Dict.Get("Subtype")) == "application/c2pa" {
			return true
		}
	}
	return false
}

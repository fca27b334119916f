package pdf

// notesFor says what a reader of the labeled copy should know about the
// source: a rebuilt cross-reference, signatures that now cover only the
// original revision. (Content Credentials are the C2PA finisher's to
// report: it keeps the source's as the parent ingredient.)
func notesFor(f *File) []string {
	var notes []string
	if f.Repaired {
		notes = append(notes, "the source's cross-reference table was damaged; the labeled copy carries a rebuilt one")
	}
	if f.signed() {
		notes = append(notes, "the PDF is digitally signed: the signature still covers the original revision, and viewers will show that the notice was added after signing")
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

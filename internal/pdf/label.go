package pdf

import (
	"context"
	"errors"
	"fmt"
	"os"
)

// Notice is what Label writes.
type Notice struct {
	Lines    []string
	AllPages bool // stamp every page, not only the first
	// XMP builds the packet to store from the existing one (nil if none).
	XMP func(existing []byte) ([]byte, error)
}

// Outcome is what Label did, in sentences for the result's notes.
type Outcome struct {
	Notes []string
}

// Label writes the PDF at in, followed by an incremental update that
// adds the notice band and the XMP packet, to out; then it reads out
// back and checks that nothing of the original was lost.
func Label(ctx context.Context, in, out string, n Notice) (Outcome, error) {
	f, pages, err := load(in)
	if err != nil {
		return Outcome{}, err
	}
	upd, o, stamped, err := build(ctx, f, pages, n)
	if err != nil {
		return Outcome{}, err
	}
	result := upd.Bytes()
	if err := os.WriteFile(out, result, 0o644); err != nil {
		return Outcome{}, err
	}
	replaced := map[int]bool{}
	for num := range upd.objs {
		replaced[num] = true
	}
	if err := verifyFile(f, pages, out, stamped, n.Lines, replaced); err != nil {
		return Outcome{}, fmt.Errorf("the labeled copy does not read back: %w", err)
	}
	return o, nil
}

// load reads and parses the PDF at path and walks its pages, with errors
// that say why a file is refused.
func load(path string) (*File, []Page, error) {
	data, err := readFile(path)
	if err != nil {
		return nil, nil, err
	}
	f, err := Open(data)
	if err != nil {
		return nil, nil, refusal(err)
	}
	pages, err := f.Pages()
	if err != nil {
		return nil, nil, damaged(f, err)
	}
	return f, pages, nil
}

func readFile(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if st.Size() > MaxSize {
		return nil, fmt.Errorf("the file is %d MiB; PDFs over %d MiB are refused", st.Size()>>20, MaxSize>>20)
	}
	return os.ReadFile(path)
}

// damaged says a PDF whose cross-reference had to be rebuilt and whose
// pages still do not read is damaged or truncated.
func damaged(f *File, err error) error {
	if f.Repaired {
		return fmt.Errorf("the PDF is damaged or truncated: %w", err)
	}
	return err
}

// refusal explains why an encrypted PDF is refused: writing into it
// means encrypting every new string and stream with the document's key
// (RC4 or AES, five revisions of key derivation), and its owner may have
// forbidden changes. Removing the protection is the author's call.
func refusal(err error) error {
	if errors.Is(err, ErrEncrypted) {
		return errors.New("the PDF is encrypted (password-protected or restricted): Belgi does not change protected documents. " +
			"Open it with the password, save an unprotected copy (in Acrobat: File → Properties → Security → No Security; or qpdf --decrypt), and label that")
	}
	return err
}

// build stamps the pages and sets the XMP packet.
func build(ctx context.Context, f *File, pages []Page, n Notice) (*update, Outcome, []int, error) {
	var o Outcome
	fc, err := loadFace()
	if err != nil {
		return nil, o, nil, err
	}
	var lines [][]glyph
	var used []glyph
	for _, l := range n.Lines {
		gs, err := fc.glyphs(l)
		if err != nil {
			return nil, o, nil, err
		}
		lines, used = append(lines, gs), append(used, gs...)
	}
	u := newUpdate(f)
	font, err := addFont(u, used)
	if err != nil {
		return nil, o, nil, err
	}
	s := &stamper{f: f, u: u, lines: lines, font: font}
	last := 1
	if n.AllPages {
		last = len(pages)
	}
	var stamped []int
	for i := range last {
		if err := ctx.Err(); err != nil {
			return nil, o, nil, err
		}
		pl, err := s.stamp(pages[i])
		if err != nil {
			return nil, o, nil, fmt.Errorf("page %d: %w", i+1, err)
		}
		if d := pl.describe(i + 1); d != "" {
			o.Notes = append(o.Notes, d)
		}
		stamped = append(stamped, i)
	}
	if err := setXMP(u, f, n.XMP); err != nil {
		return nil, o, nil, err
	}
	fixLengths(u, f)
	o.Notes = append(o.Notes, notesFor(f)...)
	return u, o, stamped, nil
}

// setXMP stores the merged packet as a new version of the catalog's
// metadata stream, or as a new stream the catalog points to. XMP stays
// uncompressed, as the XMP specification asks, so packet scanners find it.
func setXMP(u *update, f *File, build func([]byte) ([]byte, error)) error {
	if build == nil {
		return nil
	}
	cat := f.Catalog()
	existing := f.metadata(cat)
	packet, err := build(existing)
	if err != nil {
		return err
	}
	s := &Stream{Dict: Dict{{"Type", Name("Metadata")}, {"Subtype", Name("XML")}}, Raw: packet}
	if r, ok := cat.Get("Metadata").(Ref); ok && existing != nil {
		u.set(r, s)
		return nil
	}
	root, ok := f.trailer.Get("Root").(Ref)
	if !ok {
		return errors.New("the trailer's /Root is not a reference")
	}
	cur, ok := u.current(root).(Dict)
	if !ok {
		return errors.New("the document catalog is not a dictionary")
	}
	u.set(root, cur.With("Metadata", u.add(s)))
	return nil
}

// metadata is the catalog's XMP packet, nil if none or unreadable.
func (f *File) metadata(cat Dict) []byte {
	s, ok := f.Resolve(cat.Get("Metadata")).(*Stream)
	if !ok {
		return nil
	}
	data, err := decode(s.Dict, s.Raw, f)
	if err != nil {
		return nil
	}
	return data
}

// fixLengths rewrites, in a file whose cross-reference had to be rebuilt,
// the streams whose /Length is wrong, with the same bytes and the right
// length. Readers rebuilding the xref themselves find stream ends while
// they scan; once the copy has a sound xref they would trust /Length.
func fixLengths(u *update, f *File) {
	if !f.Repaired {
		return
	}
	for _, n := range f.Objects() {
		_, _ = f.Get(Ref{Num: n})
	}
	for n := range f.badLength {
		if _, done := u.objs[n]; done || n <= 0 {
			continue
		}
		if o, err := f.Get(Ref{Num: n}); err == nil {
			u.set(Ref{Num: n, Gen: f.Gen(n)}, o)
		}
	}
}

package docx

import (
	"archive/zip"
	"context"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
)

// plan is what Label changes: new content of existing or added parts,
// parts removed, and what the person should know.
type plan struct {
	changed map[string][]byte
	removed map[string]bool
	notes   []string
}

// Label writes a copy of the DOCX at in to out with the notice paragraph
// and the custom properties, reads it back, and returns notes for the
// result. Entries it does not change keep their compressed bytes.
func Label(ctx context.Context, in, out string, n Notice) ([]string, error) {
	d, err := open(in)
	if err != nil {
		return nil, err
	}
	defer d.zr.Close()
	p, err := d.plan(n)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := d.write(out, p); err != nil {
		return nil, err
	}
	if err := verify(d, out, p, n); err != nil {
		return nil, fmt.Errorf("the labeled copy does not read back: %w", err)
	}
	return p.notes, nil
}

// emptyRels is the package relationships part of a package without one.
const emptyRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\r\n" +
	`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`

func (d *doc) plan(n Notice) (*plan, error) {
	p := &plan{changed: map[string][]byte{}, removed: map[string]bool{}}
	main, err := readXML(d.main)
	if err != nil {
		return nil, err
	}
	if err := insertNotice(main, n); err != nil {
		return nil, err
	}
	p.changed[main.name] = main.bytes()
	relsPart := d.rels
	if relsPart == nil {
		relsPart, _ = parsePart("_rels/.rels", []byte(emptyRels))
	}
	types, err := readXML(find(&d.zr.Reader, "[Content_Types].xml"))
	if err != nil {
		return nil, err
	}
	if err := d.custom(p, n, relsPart, types); err != nil {
		return nil, err
	}
	d.dropThumbnail(p, relsPart, types)
	if d.signed(relsPart) {
		p.notes = append(p.notes, "the document's digital signature no longer validates: it covers parts the notice changes; sign the labeled copy again")
	}
	for _, part := range []*part{relsPart, types} {
		if part.ed.Len() > 0 {
			p.changed[part.name] = part.bytes()
		}
	}
	return p, nil
}

// custom merges Belgi's properties into the custom-properties part, or
// adds the part with its content type and relationship.
func (d *doc) custom(p *plan, n Notice, relsPart, types *part) error {
	name := d.customName()
	if f := find(&d.zr.Reader, name); f != nil {
		c, err := readXML(f)
		if err != nil {
			return err
		}
		if err := mergeCustom(c, n); err != nil {
			return err
		}
		p.changed[name] = c.bytes()
		return nil
	}
	p.changed[name] = newCustom(n, d.strict)
	addOverride(types, name, ctCustom)
	if _, ok := relOf(rels(relsPart), "/custom-properties", "/customProperties"); !ok {
		addRel(relsPart, relCustom[d.strict], name)
	}
	return nil
}

// dropThumbnail removes the package thumbnail: a picture of the unlabeled
// first page that file browsers show. Belgi can't draw a labeled one.
func (d *doc) dropThumbnail(p *plan, relsPart, types *part) {
	r, ok := relOf(rels(relsPart), relThumbnail)
	if !ok {
		return
	}
	name := partName(r.target)
	removeEl(relsPart, r.el)
	if o := override(types, name); o != nil {
		removeEl(types, o)
	}
	p.removed[name] = true
	p.notes = append(p.notes, "removed the document's thumbnail ("+name+"), a picture of the unlabeled first page")
}

// signed reports a package digital signature (XML-DSig parts).
func (d *doc) signed(relsPart *part) bool {
	if _, ok := relOf(rels(relsPart), relSignature); ok {
		return true
	}
	for _, f := range d.zr.File {
		if strings.HasPrefix(f.Name, "_xmlsignatures/") {
			return true
		}
	}
	return false
}

func (d *doc) write(out string, p *plan) error {
	f, err := os.OpenFile(out, os.O_WRONLY|os.O_TRUNC|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(f)
	done := map[string]bool{}
	for _, e := range d.zr.File {
		if err := copyOrReplace(zw, e, p, done); err != nil {
			f.Close()
			return err
		}
	}
	for _, name := range slices.Sorted(maps.Keys(p.changed)) {
		if !done[name] {
			if err := create(zw, name, p.changed[name], d.main); err != nil {
				f.Close()
				return err
			}
		}
	}
	if err := zw.SetComment(d.zr.Comment); err != nil {
		f.Close()
		return err
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func copyOrReplace(zw *zip.Writer, e *zip.File, p *plan, done map[string]bool) error {
	if p.removed[e.Name] {
		return nil
	}
	content, ok := p.changed[e.Name]
	if !ok {
		return zw.Copy(e)
	}
	done[e.Name] = true
	return create(zw, e.Name, content, e)
}

// create writes a new or rewritten part, deflated, dated like like.
func create(zw *zip.Writer, name string, content []byte, like *zip.File) error {
	w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: like.Modified})
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	_, err = w.Write(content)
	return err
}

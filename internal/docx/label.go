package docx

import (
	"context"
	"strings"

	"github.com/belgi-kz/belgi/internal/officezip"
)

// Label writes a copy of the DOCX at in to out with the notice paragraph
// and the custom properties, reads it back, and returns notes for the
// result. Entries it does not change keep their compressed bytes.
func Label(ctx context.Context, in, out string, n officezip.Notice) ([]string, error) {
	d, err := open(in)
	if err != nil {
		return nil, err
	}
	defer d.zr.Close()
	p, err := d.plan(n)
	if err != nil {
		return nil, err
	}
	return officezip.Finish(ctx, p, &d.zr.Reader, d.main, out, n, Inspect)
}

// emptyRels is the package relationships part of a package without one.
const emptyRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\r\n" +
	`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`

func (d *doc) plan(n officezip.Notice) (*officezip.Plan, error) {
	p := officezip.NewPlan()
	main, err := officezip.ReadXML(d.main)
	if err != nil {
		return nil, err
	}
	if err := insertNotice(main, n); err != nil {
		return nil, err
	}
	p.Changed[main.Name] = main.Bytes()
	relsPart := d.rels
	if relsPart == nil {
		relsPart, _ = officezip.ParsePart("_rels/.rels", []byte(emptyRels))
	}
	types, err := officezip.ReadXML(officezip.Find(&d.zr.Reader, "[Content_Types].xml"))
	if err != nil {
		return nil, err
	}
	if err := d.custom(p, n, relsPart, types); err != nil {
		return nil, err
	}
	d.dropThumbnail(p, relsPart, types)
	if d.signed(relsPart) {
		p.Notes = append(p.Notes, "the document's digital signature no longer validates: it covers parts the notice changes; sign the labeled copy again")
	}
	for _, part := range []*officezip.Part{relsPart, types} {
		if part.Ed.Len() > 0 {
			p.Changed[part.Name] = part.Bytes()
		}
	}
	return p, nil
}

// custom merges Belgi's properties into the custom-properties part, or
// adds the part with its content type and relationship.
func (d *doc) custom(p *officezip.Plan, n officezip.Notice, relsPart, types *officezip.Part) error {
	name := d.customName()
	if f := officezip.Find(&d.zr.Reader, name); f != nil {
		c, err := officezip.ReadXML(f)
		if err != nil {
			return err
		}
		if err := mergeCustom(c, n); err != nil {
			return err
		}
		p.Changed[name] = c.Bytes()
		return nil
	}
	p.Changed[name] = newCustom(n, d.strict)
	addOverride(types, name, ctCustom)
	if _, ok := relOf(rels(relsPart), "/custom-properties", "/customProperties"); !ok {
		addRel(relsPart, relCustom[d.strict], name)
	}
	return nil
}

// dropThumbnail removes the package thumbnail: a picture of the unlabeled
// first page that file browsers show. Belgi can't draw a labeled one.
func (d *doc) dropThumbnail(p *officezip.Plan, relsPart, types *officezip.Part) {
	r, ok := relOf(rels(relsPart), relThumbnail)
	if !ok {
		return
	}
	name := partName(r.target)
	relsPart.Remove(r.el)
	if o := override(types, name); o != nil {
		types.Remove(o)
	}
	p.Removed[name] = true
	p.Notes = append(p.Notes, "removed the document's thumbnail ("+name+"), a picture of the unlabeled first page")
}

// signed reports a package digital signature (XML-DSig parts).
func (d *doc) signed(relsPart *officezip.Part) bool {
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

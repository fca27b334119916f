package odt

import (
	"archive/zip"
	"context"
	"errors"
	"strings"

	"github.com/belgi-kz/belgi/internal/officezip"
)

// Label writes a copy of the ODT at in to out with the notice paragraph
// and the user-defined properties, reads it back, and returns notes for
// the result. Entries it does not change keep their compressed bytes.
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
	return officezip.Finish(ctx, p, &d.zr.Reader, d.content, out, n, Inspect, keepsTypeFirst)
}

func (d *doc) plan(n officezip.Notice) (*officezip.Plan, error) {
	p := officezip.NewPlan()
	c, err := officezip.ReadXML(d.content)
	if err != nil {
		return nil, err
	}
	if err := insertNotice(c, n); err != nil {
		return nil, err
	}
	p.Changed[contentName] = c.Bytes()
	if err := d.meta(p, n); err != nil {
		return nil, err
	}
	d.dropThumbnail(p)
	if d.signed() {
		p.Notes = append(p.Notes, "the document's digital signature no longer validates: it covers the text the notice changes; sign the labeled copy again")
	}
	if d.manifest != nil && d.manifest.Ed.Len() > 0 {
		p.Changed[manifestName] = d.manifest.Bytes()
	}
	return p, nil
}

// meta merges Belgi's properties into meta.xml, or adds the part and
// lists it in the manifest.
func (d *doc) meta(p *officezip.Plan, n officezip.Notice) error {
	if f := officezip.Find(&d.zr.Reader, metaName); f != nil {
		m, err := officezip.ReadXML(f)
		if err != nil {
			return err
		}
		if err := mergeMeta(m, n); err != nil {
			return err
		}
		p.Changed[metaName] = m.Bytes()
		return nil
	}
	p.Changed[metaName] = newMeta(n)
	if d.manifest != nil {
		addEntry(d.manifest, metaName, "text/xml")
	}
	return nil
}

// addEntry lists a part in the manifest, with the manifest's own prefix.
func addEntry(m *officezip.Part, name, mediaType string) {
	root := m.Tree.Root
	el := officezip.Prefixed(root.Prefix(m.Text), "file-entry")
	attr := func(local, v string) string {
		return ` ` + officezip.Prefixed(root.Prefix(m.Text), local) + `="` + officezip.Escape(v) + `"`
	}
	m.Append(root, ` <`+el+attr("full-path", name)+attr("media-type", mediaType)+`/>`+"\n")
}

// dropThumbnail removes Thumbnails/thumbnail.png: a picture of the
// unlabeled first page that file browsers and LibreOffice's Start Center
// show. LibreOffice draws a new one when the file is next saved.
func (d *doc) dropThumbnail(p *officezip.Plan) {
	for _, f := range d.zr.File {
		if !strings.HasPrefix(f.Name, "Thumbnails/") || strings.HasSuffix(f.Name, "/") {
			continue
		}
		p.Removed[f.Name] = true
		if d.manifest != nil {
			for _, e := range manifestEntries(d.manifest) {
				if fullPath(e) == f.Name {
					d.manifest.Remove(e)
				}
			}
		}
		p.Notes = append(p.Notes, "removed the document's thumbnail ("+f.Name+"), a picture of the unlabeled first page")
	}
}

// signed reports a document signature (macro signatures cover only the
// macros, which the notice does not touch).
func (d *doc) signed() bool {
	return officezip.Find(&d.zr.Reader, "META-INF/documentsignatures.xml") != nil
}

// keepsTypeFirst: a package that started with its stored "mimetype"
// still does.
func keepsTypeFirst(in, out *zip.Reader) error {
	if storedTypeFirst(in) && !storedTypeFirst(out) {
		return errors.New(`the package no longer starts with its stored "mimetype" entry`)
	}
	return nil
}

// storedTypeFirst reports whether a package starts, as OpenDocument asks,
// with its "mimetype" entry stored uncompressed, where tools that sniff
// the type by its bytes look for it.
func storedTypeFirst(r *zip.Reader) bool {
	return len(r.File) > 0 && r.File[0].Name == "mimetype" && r.File[0].Method == zip.Store
}

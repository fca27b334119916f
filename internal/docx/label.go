package docx

import (
	"archive/zip"
	"context"
	"fmt"
	"maps"
	"os"
	"slices"
)

// Label writes a copy of the DOCX at in to out with the notice and the
// custom properties; other entries keep their compressed bytes.
func Label(ctx context.Context, in, out string, n Notice) error {
	d, err := open(in)
	if err != nil {
		return err
	}
	defer d.zr.Close()
	changed, err := d.changes(n)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return d.write(out, changed)
}

// changes computes the new content of the parts that change or are added.
func (d *doc) changes(n Notice) (changed map[string]string, err error) {
	changed = map[string]string{}
	body, err := readPart(d.main)
	if err != nil {
		return nil, err
	}
	if changed[d.main.Name], err = insertNotice(string(body), n); err != nil {
		return nil, err
	}
	if c := find(&d.zr.Reader, "docProps/custom.xml"); c != nil {
		b, err := readPart(c)
		if err != nil {
			return nil, err
		}
		changed[c.Name], err = mergeCustom(string(b), n)
		return changed, err
	}
	changed["docProps/custom.xml"] = newCustom(n)
	return changed, d.link(changed)
}

// link names a new custom-properties part in [Content_Types].xml and in
// the package relationships, creating _rels/.rels if a writer omitted it.
func (d *doc) link(changed map[string]string) error {
	types, err := readPart(find(&d.zr.Reader, "[Content_Types].xml"))
	if err != nil {
		return err
	}
	if changed["[Content_Types].xml"], err = addOverride(string(types)); err != nil {
		return err
	}
	rels := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\r\n" +
		`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`
	if f := find(&d.zr.Reader, "_rels/.rels"); f != nil {
		b, err := readPart(f)
		if err != nil {
			return err
		}
		rels = string(b)
	}
	changed["_rels/.rels"], err = addRelationship(rels)
	return err
}

func (d *doc) write(out string, changed map[string]string) error {
	f, err := os.OpenFile(out, os.O_WRONLY|os.O_TRUNC|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(f)
	done := map[string]bool{}
	for _, e := range d.zr.File {
		if err := copyOrReplace(zw, e, changed, done); err != nil {
			f.Close()
			return err
		}
	}
	for _, name := range slices.Sorted(maps.Keys(changed)) {
		if !done[name] {
			if err := create(zw, name, changed[name], d.main); err != nil {
				f.Close()
				return err
			}
		}
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func copyOrReplace(zw *zip.Writer, e *zip.File, changed map[string]string, done map[string]bool) error {
	content, ok := changed[e.Name]
	if !ok {
		return zw.Copy(e)
	}
	done[e.Name] = true
	return create(zw, e.Name, content, e)
}

// create writes a new or rewritten part, deflated, dated like like.
func create(zw *zip.Writer, name, content string, like *zip.File) error {
	w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: like.Modified})
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	_, err = w.Write([]byte(content))
	return err
}

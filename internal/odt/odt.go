package odt

import (
	"archive/zip"
	"errors"
	"fmt"
	"strings"

	"github.com/belgi-kz/belgi/internal/officezip"
	"github.com/belgi-kz/belgi/internal/xmltree"
)

// OpenDocument namespaces. The manifest has an older one too (OpenOffice
// 2.0 wrote it), and early files bind fo to the W3C XSL namespace.
const (
	nsOffice   = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
	nsStyle    = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
	nsText     = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
	nsTable    = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
	nsMeta     = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
	nsFO       = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
	nsFOOld    = "http://www.w3.org/1999/XSL/Format"
	nsManifest = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
	nsManOld   = "http://openoffice.org/2001/manifest"
)

// Media types of the text documents Belgi labels, by the "mimetype"
// entry every OpenDocument package starts with.
var textTypes = map[string]bool{
	"application/vnd.oasis.opendocument.text":          true,
	"application/vnd.oasis.opendocument.text-template": true,
}

const (
	contentName  = "content.xml"
	metaName     = "meta.xml"
	manifestName = "META-INF/manifest.xml"
	// bookmark marks the notice paragraph.
	bookmark = "_BelgiNotice"
)

// doc is an opened, checked ODT.
type doc struct {
	zr       *zip.ReadCloser
	content  *zip.File
	manifest *officezip.Part // nil for a package without a manifest
}

func open(path string) (*doc, error) {
	zr, err := officezip.Open(path, "ODT")
	if err != nil {
		return nil, err
	}
	d := &doc{zr: zr}
	if err := d.check(); err != nil {
		zr.Close()
		return nil, err
	}
	return d, nil
}

func (d *doc) check() error {
	r := &d.zr.Reader
	if err := checkType(r); err != nil {
		return err
	}
	if f := officezip.Find(r, manifestName); f != nil {
		m, err := officezip.ReadXML(f)
		if err != nil {
			return err
		}
		d.manifest = m
		if encrypted(m) {
			return errors.New("the document is encrypted (password-protected): Belgi can't label it without the password. " +
				"Open it in LibreOffice, clear the password (File → Properties → Security, or save without \"Save with password\"), and label that copy")
		}
	}
	if d.content = officezip.Find(r, contentName); d.content == nil {
		return errors.New("not an OpenDocument text: content.xml is missing")
	}
	return nil
}

// checkType reads the package's media type from its "mimetype" entry.
func checkType(r *zip.Reader) error {
	f := officezip.Find(r, "mimetype")
	if f == nil {
		return errors.New("not an OpenDocument file: the \"mimetype\" entry is missing")
	}
	b, err := officezip.ReadEntry(f)
	if err != nil {
		return err
	}
	mt := strings.TrimSpace(string(b))
	if !textTypes[mt] {
		return fmt.Errorf("an OpenDocument file of type %q, not a text document; Belgi labels ODT text documents", mt)
	}
	return nil
}

// manifestEntries lists the manifest's file entries.
func manifestEntries(m *officezip.Part) []*xmltree.Element {
	var out []*xmltree.Element
	for _, e := range m.Tree.Root.Kids {
		if (e.Name.Space == nsManifest || e.Name.Space == nsManOld) && e.Name.Local == "file-entry" {
			out = append(out, e)
		}
	}
	return out
}

// fullPath is a manifest entry's path.
func fullPath(e *xmltree.Element) string {
	for _, a := range e.Attrs {
		if a.Name.Local == "full-path" {
			return a.Value
		}
	}
	return ""
}

// encrypted reports whether the manifest says content.xml is encrypted.
func encrypted(m *officezip.Part) bool {
	for _, e := range manifestEntries(m) {
		for _, k := range e.Kids {
			if k.Name.Local == "encryption-data" {
				return true
			}
		}
	}
	return false
}

// reading is where an ODT keeps what Belgi writes.
var reading = officezip.Reading{Notice: noticeText, Props: metaName, Property: property}

// Inspect reads the user-defined properties and the notice paragraph.
func Inspect(path string) (officezip.Found, error) {
	d, err := open(path)
	if err != nil {
		return officezip.Found{}, err
	}
	defer d.zr.Close()
	return officezip.Inspect(&d.zr.Reader, d.content, reading)
}

// Paragraphs returns the text of the first max non-empty paragraphs and
// headings, for previews.
func Paragraphs(path string, max int) ([]string, error) {
	d, err := open(path)
	if err != nil {
		return nil, err
	}
	defer d.zr.Close()
	c, err := officezip.ReadXML(d.content)
	if err != nil {
		return nil, err
	}
	return paragraphs(c, max), nil
}

package docx

import (
	"archive/zip"
	"errors"
	"strings"

	"github.com/belgi-kz/belgi/internal/officezip"
)

// doc is an opened, checked DOCX: its zip, package relationships, main
// part and whether it is strict OOXML.
type doc struct {
	zr     *zip.ReadCloser
	rels   *officezip.Part // _rels/.rels, nil if the package has none
	main   *zip.File
	strict bool
}

// errNotDOCX names what is missing, for zips that are not Word files.
var errNotDOCX = errors.New("not a Word document: [Content_Types].xml or the main document part is missing")

func open(path string) (*doc, error) {
	zr, err := officezip.Open(path, "DOCX")
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
	if officezip.Find(&d.zr.Reader, "[Content_Types].xml") == nil {
		return errNotDOCX
	}
	name := "word/document.xml"
	if f := officezip.Find(&d.zr.Reader, "_rels/.rels"); f != nil {
		p, err := officezip.ReadXML(f)
		if err != nil {
			return err
		}
		d.rels = p
		if r, ok := relOf(rels(p), relMain); ok {
			name = partName(r.target)
			d.strict = strings.HasPrefix(r.typ, "http://purl.oclc.org/")
		}
	}
	if d.main = officezip.Find(&d.zr.Reader, name); d.main == nil {
		return errNotDOCX
	}
	return nil
}

// customName is where the package's custom properties are, or go.
func (d *doc) customName() string {
	if d.rels != nil {
		if r, ok := relOf(rels(d.rels), "/custom-properties", "/customProperties"); ok {
			return partName(r.target)
		}
	}
	return "docProps/custom.xml"
}

// Inspect reads the custom properties and the notice paragraph.
func Inspect(path string) (officezip.Found, error) {
	d, err := open(path)
	if err != nil {
		return officezip.Found{}, err
	}
	defer d.zr.Close()
	return officezip.Inspect(&d.zr.Reader, d.main, officezip.Reading{Notice: noticeText, Props: d.customName(), Property: property})
}

// Paragraphs returns the text of the first max non-empty paragraphs, for
// previews.
func Paragraphs(path string, max int) ([]string, error) {
	d, err := open(path)
	if err != nil {
		return nil, err
	}
	defer d.zr.Close()
	main, err := officezip.ReadXML(d.main)
	if err != nil {
		return nil, err
	}
	return paragraphs(main, max), nil
}

package docx

import (
	"archive/zip"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/belgi-kz/belgi/internal/officezip"
)

// Notice is what Label writes: the perceivable lines and the machine mark.
type Notice struct {
	Lines             []Line
	DigitalSourceType string // the IPTC NewsCode URI
	Record            string // Belgi's record, stored as a custom property
}

// Line is one line of the notice in one language.
type Line struct {
	Lang string // "kk", "ru", "en"
	Text string
}

// Found is what Inspect read from a document.
type Found struct {
	DigitalSourceType string // the custom property, "" if absent
	Record            string // Belgi's record, "" if absent
	Notice            string // the notice paragraph's text, "" if it is not the body's first
}

// Property names in docProps/custom.xml.
const (
	PropDST   = "DigitalSourceType"
	PropBelgi = "Belgi"
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
	if st, err := os.Stat(path); err != nil {
		return nil, err
	} else if st.Size() == 0 {
		return nil, errors.New("the file is empty")
	}
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, fmt.Errorf("not a valid DOCX (a DOCX is a zip archive; this one is damaged or truncated): %w", err)
	}
	d := &doc{zr: zr}
	if err := d.check(); err != nil {
		zr.Close()
		return nil, err
	}
	return d, nil
}

func (d *doc) check() error {
	if err := officezip.CheckArchive(&d.zr.Reader); err != nil {
		return err
	}
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
func Inspect(path string) (Found, error) {
	d, err := open(path)
	if err != nil {
		return Found{}, err
	}
	defer d.zr.Close()
	var f Found
	main, err := officezip.ReadXML(d.main)
	if err != nil {
		return f, err
	}
	f.Notice = noticeText(main)
	if c := officezip.Find(&d.zr.Reader, d.customName()); c != nil {
		p, err := officezip.ReadXML(c)
		if err != nil {
			return f, err
		}
		f.DigitalSourceType, f.Record = property(p, PropDST), property(p, PropBelgi)
	}
	return f, nil
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

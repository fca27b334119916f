package docx

import (
	"archive/zip"
	"fmt"
	"os"
	"regexp"
	"strings"
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
	Notice            bool   // the notice paragraph is present with text
}

// Property names in docProps/custom.xml.
const (
	PropDST   = "DigitalSourceType"
	PropBelgi = "Belgi"
)

// doc is an opened, checked DOCX.
type doc struct {
	zr   *zip.ReadCloser
	main *zip.File // the main document part
}

func open(path string) (*doc, error) {
	if st, err := os.Stat(path); err != nil {
		return nil, err
	} else if st.Size() == 0 {
		return nil, fmt.Errorf("the file is empty")
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
	if err := checkArchive(&d.zr.Reader); err != nil {
		return err
	}
	if find(&d.zr.Reader, "[Content_Types].xml") == nil {
		return errNotDOCX
	}
	name := "word/document.xml"
	if rels := find(&d.zr.Reader, "_rels/.rels"); rels != nil {
		b, err := readPart(rels)
		if err != nil {
			return err
		}
		if t := relTarget(string(b), "/officeDocument"); t != "" {
			name = strings.TrimPrefix(t, "/")
		}
	}
	if d.main = find(&d.zr.Reader, name); d.main == nil {
		return errNotDOCX
	}
	return nil
}

var (
	relRE  = regexp.MustCompile(`<Relationship\b[^>]*>`)
	attrRE = regexp.MustCompile(`\b(Id|Type|Target)\s*=\s*"([^"]*)"`)
)

// relTarget returns the Target of the first relationship whose Type ends
// with typeSuffix.
func relTarget(rels, typeSuffix string) string {
	for _, tag := range relRE.FindAllString(rels, -1) {
		attrs := map[string]string{}
		for _, a := range attrRE.FindAllStringSubmatch(tag, -1) {
			attrs[a[1]] = a[2]
		}
		if strings.HasSuffix(attrs["Type"], typeSuffix) {
			return attrs["Target"]
		}
	}
	return ""
}

// Inspect reads the custom properties and looks for the notice paragraph.
func Inspect(path string) (Found, error) {
	d, err := open(path)
	if err != nil {
		return Found{}, err
	}
	defer d.zr.Close()
	var f Found
	body, err := readPart(d.main)
	if err != nil {
		return f, err
	}
	f.Notice = noticeText(string(body)) != ""
	if c := find(&d.zr.Reader, "docProps/custom.xml"); c != nil {
		b, err := readPart(c)
		if err != nil {
			return f, err
		}
		f.DigitalSourceType = property(string(b), PropDST)
		f.Record = property(string(b), PropBelgi)
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
	body, err := readPart(d.main)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, p := range paraRE.FindAllString(string(body), -1) {
		if t := runText(p); t != "" && len(out) < max {
			out = append(out, t)
		}
	}
	return out, nil
}

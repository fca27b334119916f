package docx

import (
	"os"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/internal/officezip/officetest"
)

const (
	ctTypes   = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="jpeg" ContentType="image/jpeg"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>OVERRIDES</Types>`
	pkgRels   = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>RELS</Relationships>`
	wordNS    = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	plainBody = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="` + wordNS + `" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable=""><w:body><w:p><w:r><w:t>Сәлем, әлем</w:t></w:r></w:p><w:bookmarkStart w:id="7" w:name="x"/><w:bookmarkEnd w:id="7"/><w:sectPr/></w:body></w:document>`
	customNSt = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
	vtNS      = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
)

// entry is one zip entry of a hand-made package.
type entry struct{ name, body string }

// pkg writes a package: content types (with extra overrides), package
// relationships (with extra ones), the main document, then extra parts.
func pkg(t *testing.T, overrides, rels, document string, extra ...entry) []byte {
	t.Helper()
	return zipOf(t, append([]entry{
		{"[Content_Types].xml", strings.Replace(ctTypes, "OVERRIDES", overrides, 1)},
		{"_rels/.rels", strings.Replace(pkgRels, "RELS", rels, 1)},
		{"word/document.xml", document},
	}, extra...)...)
}

func zipOf(t *testing.T, parts ...entry) []byte {
	t.Helper()
	es := make([]officetest.Entry, len(parts))
	for i, p := range parts {
		es[i] = officetest.Entry{Name: p.name, Body: p.body}
	}
	return officetest.Zip(t, es)
}

var testNotice = officetest.Notice

func labelBytes(t *testing.T, data []byte, name string) (out string, notes []string, err error) {
	t.Helper()
	return officetest.Label(t, Label, data, name, testNotice)
}

func entries(t *testing.T, path string) map[string]string { return officetest.Entries(t, path) }

func readAll(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

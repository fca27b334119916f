package odt

import (
	"os"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/internal/officezip/officetest"
)

// Namespace declarations of a LibreOffice content.xml root, trimmed to
// what the tests use.
const rootNS = `xmlns:office="` + nsOffice + `" xmlns:style="` + nsStyle + `" xmlns:text="` + nsText +
	`" xmlns:table="` + nsTable + `" xmlns:fo="` + nsFO + `" xmlns:form="urn:oasis:names:tc:opendocument:xmlns:form:1.0"`

// content is a content.xml with the given automatic styles and text.
func content(styles, text string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<office:document-content ` + rootNS + ` office:version="1.3">` +
		`<office:automatic-styles>` + styles + `</office:automatic-styles><office:body><office:text>` + text +
		`</office:text></office:body></office:document-content>`
}

const (
	textType  = "application/vnd.oasis.opendocument.text"
	plainText = `<text:sequence-decls><text:sequence-decl text:display-outline-level="0" text:name="Table"/></text:sequence-decls>` +
		`<text:p text:style-name="Standard">Сәлем, әлем</text:p><text:p>Екінші</text:p>`
	meta = `<?xml version="1.0" encoding="UTF-8"?><office:document-meta xmlns:office="` + nsOffice + `" xmlns:meta="` + nsMeta +
		`" office:version="1.3"><office:meta><meta:generator>LibreOffice</meta:generator><meta:user-defined meta:name="Desk">Саясат</meta:user-defined></office:meta></office:document-meta>`
	manifestXML = `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<manifest:manifest xmlns:manifest="` + nsManifest + `" manifest:version="1.3">` + "\n" +
		` <manifest:file-entry manifest:full-path="/" manifest:media-type="` + textType + `"/>` + "\n" +
		` <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>` + "\n" +
		`MORE</manifest:manifest>`
)

// entry is one zip entry of a hand-made package.
type entry = officetest.Entry

// odtOf writes a package as OpenDocument asks: "mimetype" first, stored,
// then content.xml, the manifest and the given extra parts.
func odtOf(t *testing.T, mimetype, contentXML, manifestMore string, extra ...entry) []byte {
	t.Helper()
	parts := append([]entry{{Name: "mimetype", Body: mimetype}, {Name: "content.xml", Body: contentXML},
		{Name: manifestName, Body: strings.Replace(manifestXML, "MORE", manifestMore, 1)}}, extra...)
	return officetest.Zip(t, parts, "mimetype")
}

var testNotice = officetest.Notice

func labelBytes(t *testing.T, data []byte, name string) (out string, notes []string, err error) {
	t.Helper()
	return officetest.Label(t, Label, data, name, testNotice)
}

func entries(t *testing.T, path string) map[string]string { return officetest.Entries(t, path) }

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

package odt

import (
	"archive/zip"
	"encoding/xml"
	"strings"
	"testing"
)

// TestNoticeOpensTheText: the notice comes after the prelude (forms,
// declarations) and before the first paragraph; the properties join the
// document's own; the package still starts with its stored mimetype; and
// nothing else in content.xml moves.
func TestNoticeOpensTheText(t *testing.T) {
	src := content("", `<office:forms form:automatic-focus="false"/>`+plainText)
	out, notes, err := labelBytes(t, odtOf(t, textType, src, "", entry{Name: metaName, Body: meta}), "a.odt")
	if err != nil {
		t.Fatal(err)
	}
	if len(notes) != 0 {
		t.Errorf("notes %q, want none", notes)
	}
	parts := entries(t, out)
	c := parts[contentName]
	decls, notice, para := strings.Index(c, "</text:sequence-decls>"), strings.Index(c, "_BelgiNotice"), strings.Index(c, "Сәлем, әлем")
	if !(decls >= 0 && decls < notice && notice < para) {
		t.Errorf("notice at %d, want between the declarations (%d) and the first paragraph (%d):\n%s", notice, decls, para, c)
	}
	if !strings.Contains(c, `<style:style style:name="BelgiNotice" style:family="paragraph">`) || !strings.Contains(c, `fo:language="kk" fo:country="KZ"`) {
		t.Errorf("the notice's styles are missing:\n%s", c)
	}
	without := strings.NewReplacer(c[strings.Index(c, "<text:p text:style-name=\"BelgiNotice\""):strings.Index(c, "</text:p>")+9], "").Replace(c)
	if i := strings.Index(without, "<style:style"); i < 0 || without[:i]+without[strings.Index(without, "</office:automatic-styles>"):] != src {
		t.Errorf("content.xml changed beyond the notice and its styles:\n%s", without)
	}
	m := parts[metaName]
	for _, want := range []string{`<meta:user-defined meta:name="Desk">Саясат</meta:user-defined>`, `<meta:generator>LibreOffice</meta:generator>`,
		`<meta:user-defined meta:name="DigitalSourceType">` + testNotice.DigitalSourceType + `<`, `meta:name="Belgi">` + testNotice.Record + `<`} {
		if !strings.Contains(m, want) {
			t.Errorf("meta.xml lacks %s:\n%s", want, m)
		}
	}
	zr, err := zip.OpenReader(out)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	if f := zr.File[0]; f.Name != "mimetype" || f.Method != zip.Store {
		t.Errorf("first entry %s (method %d), want mimetype stored", f.Name, f.Method)
	}
	if parts[manifestName] != strings.Replace(manifestXML, "MORE", "", 1) {
		t.Errorf("the manifest changed though no part was added:\n%s", parts[manifestName])
	}
	found, err := Inspect(out)
	if err != nil || found.Notice != testNotice.Lines[0].Text+" "+testNotice.Lines[1].Text || found.DigitalSourceType != testNotice.DigitalSourceType || found.Record != testNotice.Record {
		t.Errorf("Inspect: %+v, %v", found, err)
	}
	if got, _ := Paragraphs(out, 2); strings.Join(got, "|") != found.Notice+"|Сәлем, әлем" {
		t.Errorf("Paragraphs: %q", got)
	}
}

// TestMetaAdded: a package without meta.xml gets one, listed in its
// manifest with the manifest's own prefix.
func TestMetaAdded(t *testing.T) {
	out, _, err := labelBytes(t, odtOf(t, textType, content("", plainText), ""), "a.odt")
	if err != nil {
		t.Fatal(err)
	}
	parts := entries(t, out)
	if !strings.Contains(parts[manifestName], `<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>`) {
		t.Errorf("manifest:\n%s", parts[manifestName])
	}
	if found, err := Inspect(out); err != nil || found.DigitalSourceType != testNotice.DigitalSourceType {
		t.Errorf("Inspect: %+v, %v", found, err)
	}
}

// TestOwnPrefixes: a document that binds the OpenDocument namespaces to
// other prefixes, and has no automatic styles, still gets markup that
// resolves to the right namespaces.
func TestOwnPrefixes(t *testing.T) {
	src := `<o:document-content xmlns:o="` + nsOffice + `" xmlns:t="` + nsText + `"><o:body><o:text><t:p>Сәлем</t:p></o:text></o:body></o:document-content>`
	out, _, err := labelBytes(t, odtOf(t, textType, src, ""), "a.odt")
	if err != nil {
		t.Fatal(err)
	}
	c := entries(t, out)[contentName]
	d := xml.NewDecoder(strings.NewReader(c))
	seen := map[string]bool{}
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		if s, ok := tok.(xml.StartElement); ok {
			seen[s.Name.Space+" "+s.Name.Local] = true
			for _, a := range s.Attr {
				seen[a.Name.Space+" @"+a.Name.Local] = true
			}
		}
	}
	for _, want := range []string{nsOffice + " automatic-styles", nsStyle + " style", nsStyle + " paragraph-properties", nsFO + " @background-color", nsText + " bookmark-start", nsText + " @style-name"} {
		if !seen[want] {
			t.Errorf("no %s in:\n%s", want, c)
		}
	}
	if found, err := Inspect(out); err != nil || found.Notice == "" {
		t.Errorf("Inspect: %+v, %v", found, err)
	}
}

// TestPageStartMoves: when the first paragraph starts a page style (or
// breaks the page before it), the notice starts it instead, and the
// paragraph keeps everything else of its style through a copy; other
// paragraphs using the style keep it.
func TestPageStartMoves(t *testing.T) {
	style := `<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Standard" style:master-page-name="First_20_Page"><style:paragraph-properties fo:break-before="page" fo:text-align="center"/></style:style>`
	text := `<text:p text:style-name="P1">Тақырып</text:p><text:p text:style-name="P1">Тағы</text:p>`
	out, _, err := labelBytes(t, odtOf(t, textType, content(style, text), ""), "a.odt")
	if err != nil {
		t.Fatal(err)
	}
	c := entries(t, out)[contentName]
	for _, want := range []string{
		`<style:style style:name="BelgiNotice" style:family="paragraph" style:master-page-name="First_20_Page">`,
		style, // unchanged, for the second paragraph
		`<style:style style:name="BelgiNoticeNext" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/></style:style>`,
		`<text:p text:style-name="BelgiNoticeNext">Тақырып</text:p><text:p text:style-name="P1">Тағы</text:p>`,
	} {
		if !strings.Contains(c, want) {
			t.Errorf("content.xml lacks %s:\n%s", want, c)
		}
	}
	// The same when the paragraph opens a section, as Word's section
	// breaks come out of LibreOffice.
	inSection := `<text:section text:name="Section1">` + text + `</text:section>`
	out2, _, err := labelBytes(t, odtOf(t, textType, content(style, inSection), ""), "s.odt")
	if err != nil {
		t.Fatal(err)
	}
	if c := entries(t, out2)[contentName]; !strings.Contains(c, `master-page-name="First_20_Page"><style:paragraph-properties fo:background-color`) ||
		!strings.Contains(c, `<text:section text:name="Section1"><text:p text:style-name="BelgiNoticeNext">Тақырып`) {
		t.Errorf("in a section:\n%s", c)
	}
	// Labeling again keeps the page style on the new notice and the copy
	// on the paragraph.
	again, _, err := labelBytes(t, readFile(t, out), "b.odt")
	if err != nil {
		t.Fatal(err)
	}
	c2 := entries(t, again)[contentName]
	if !strings.Contains(c2, `style:name="BelgiNotice" style:family="paragraph" style:master-page-name="First_20_Page"`) ||
		!strings.Contains(c2, `<text:p text:style-name="BelgiNoticeNext">Тақырып`) || strings.Count(c2, "BelgiNoticeNext") != 2 {
		t.Errorf("relabeled content.xml:\n%s", c2)
	}
}

// TestRelabelReplaces: labeling a labeled copy replaces the notice, its
// styles and the properties rather than stacking them.
func TestRelabelReplaces(t *testing.T) {
	out, _, err := labelBytes(t, odtOf(t, textType, content("", plainText), "", entry{Name: metaName, Body: meta}), "a.odt")
	if err != nil {
		t.Fatal(err)
	}
	again, _, err := labelBytes(t, readFile(t, out), "b.odt")
	if err != nil {
		t.Fatal(err)
	}
	parts := entries(t, again)
	for part, counts := range map[string]map[string]int{
		contentName: {`text:name="_BelgiNotice"`: 2, `style:name="BelgiNotice"`: 1, `style:name="BelgiNotice_kk"`: 1, testNotice.Lines[0].Text: 1},
		metaName:    {`meta:name="DigitalSourceType"`: 1, `meta:name="Belgi"`: 1, `meta:name="Desk"`: 1},
	} {
		for s, n := range counts {
			if got := strings.Count(parts[part], s); got != n {
				t.Errorf("%s holds %s %d times, want %d", part, s, got, n)
			}
		}
	}
}

// TestThumbnailAndSignature: the thumbnail of the unlabeled page goes
// (with its manifest entry); a document signature is said to break.
func TestThumbnailAndSignature(t *testing.T) {
	more := ` <manifest:file-entry manifest:full-path="Thumbnails/thumbnail.png" manifest:media-type="image/png"/>` + "\n"
	data := odtOf(t, textType, content("", plainText), more, entry{Name: "Thumbnails/thumbnail.png", Body: "\x89PNG"}, entry{Name: "META-INF/documentsignatures.xml", Body: "<x/>"})
	out, notes, err := labelBytes(t, data, "a.odt")
	if err != nil {
		t.Fatal(err)
	}
	parts := entries(t, out)
	if _, ok := parts["Thumbnails/thumbnail.png"]; ok || strings.Contains(parts[manifestName], "thumbnail") {
		t.Errorf("the thumbnail is still there:\n%s", parts[manifestName])
	}
	joined := strings.Join(notes, " | ")
	if !strings.Contains(joined, "thumbnail") || !strings.Contains(joined, "signature") {
		t.Errorf("notes %q", notes)
	}
}

func TestRefusals(t *testing.T) {
	encrypted := ` <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"><manifest:encryption-data manifest:checksum-type="SHA1/1K"/></manifest:file-entry>` + "\n"
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "empty"},
		{"not a zip", []byte("PK\x03\x04 broken"), "damaged or truncated"},
		{"spreadsheet", odtOf(t, "application/vnd.oasis.opendocument.spreadsheet", content("", plainText), ""), "not a text document"},
		{"encrypted", odtOf(t, textType, content("", plainText), encrypted), "password"},
		{"entities", odtOf(t, textType, `<!DOCTYPE x [<!ENTITY a "b">]>`+content("", plainText), ""), "DOCTYPE"},
		{"no body", odtOf(t, textType, `<office:document-content xmlns:office="`+nsOffice+`"/>`, ""), "no office:text"},
		{"meta of another kind", odtOf(t, textType, content("", plainText), "", entry{Name: metaName, Body: "<x/>"}), "not an OpenDocument metadata part"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := labelBytes(t, tc.data, "a.odt")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one saying %q", err, tc.want)
			}
		})
	}
}

// FuzzInsertNotice: any content.xml is refused, or comes out with the
// notice Inspect finds first in the text.
func FuzzInsertNotice(f *testing.F) {
	f.Add([]byte(content("", plainText)))
	f.Add([]byte(content(`<style:style style:name="P1" style:master-page-name="A"><x fo:break-before="page"/></style:style>`, `<text:p text:style-name="P1">x</text:p>`)))
	f.Add([]byte(`<o:document-content xmlns:o="` + nsOffice + `"><o:body><o:text/></o:body></o:document-content>`))
	f.Fuzz(func(t *testing.T, c []byte) {
		out, _, err := labelBytes(t, odtOf(t, textType, string(c), ""), "f.odt")
		if err != nil {
			return
		}
		if found, err := Inspect(out); err != nil || !strings.HasPrefix(found.Notice, testNotice.Lines[0].Text) {
			t.Fatalf("labeled, but Inspect gives %+v, %v", found, err)
		}
	})
}

package docx

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/internal/xmltree"
)

const customRel = `<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/>`
const customOverride = `<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>`

func utf16le(s string) string {
	return string(xmltree.Encode([]byte(s), xmltree.UTF16LE))
}

// utf16Text is s in UTF-16LE without a byte order mark, as it appears
// inside a part.
func utf16Text(s string) string { return utf16le(s)[2:] }

// docxCases are package shapes real writers produce; want lists strings
// the named part must hold afterwards.
func docxCases(t *testing.T) []struct {
	name string
	data []byte
	want map[string][]string
	note string
} {
	custom := func(body string) entry { return entry{"docProps/custom.xml", body} }
	return []struct {
		name string
		data []byte
		want map[string][]string
		note string
	}{
		{"no custom part", pkg(t, "", "", plainBody), map[string][]string{
			"docProps/custom.xml": {`name="DigitalSourceType"`, "trainedAlgorithmicMedia"},
			"[Content_Types].xml": {customOverride[:40]},
			"_rels/.rels":         {`Id="rIdBelgi"`, "custom-properties"},
		}, ""},
		{"empty self-closing Properties", pkg(t, customOverride, customRel, plainBody, custom(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+`<Properties xmlns="`+customNSt+`" xmlns:vt="`+vtNS+`"/>`)), map[string][]string{
			"docProps/custom.xml": {`<Properties xmlns="` + customNSt + `" xmlns:vt="` + vtNS + `"><property fmtid=`, `pid="2" name="DigitalSourceType"`, "</Properties>"},
		}, ""},
		{"prefixed Properties with a property", pkg(t, customOverride, customRel, plainBody, custom(`<op:Properties xmlns:op="`+customNSt+`" xmlns:v="`+vtNS+`"><op:property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="5" name="Desk"><v:lpwstr>Саясат &amp; экономика</v:lpwstr></op:property></op:Properties>`)), map[string][]string{
			"docProps/custom.xml": {`<v:lpwstr>Саясат &amp; экономика</v:lpwstr>`, `<op:property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="6" name="DigitalSourceType">`},
		}, ""},
		{"UTF-16 custom part", pkg(t, customOverride, customRel, plainBody, custom(utf16le(`<?xml version="1.0" encoding="UTF-16"?><Properties xmlns="`+customNSt+`" xmlns:vt="`+vtNS+`"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Desk"><vt:lpwstr>Ақпарат</vt:lpwstr></property></Properties>`))), map[string][]string{
			"docProps/custom.xml": {"\xff\xfe<\x00?\x00x\x00m\x00l\x00", utf16Text("Ақпарат"), utf16Text("trainedAlgorithmicMedia")},
		}, ""},
		{"default-namespace body", pkg(t, "", "", `<document xmlns="`+wordNS+`"><body><p><r><t>Сәлем</t></r></p></body></document>`), map[string][]string{
			"word/document.xml": {`<body><w:p xmlns:w="` + wordNS + `">`},
		}, ""},
		{"self-closed body", pkg(t, "", "", `<w:document xmlns:w="`+wordNS+`"><w:body/></w:document>`), map[string][]string{
			"word/document.xml": {`<w:body><w:p>`, `</w:p></w:body>`},
		}, ""},
		{"thumbnail of the unlabeled page", pkg(t, `<Override PartName="/docProps/thumbnail.jpeg" ContentType="image/jpeg"/>`, `<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail" Target="docProps/thumbnail.jpeg"/>`, plainBody, entry{"docProps/thumbnail.jpeg", "\xff\xd8\xff\xe0 unlabeled"}), map[string][]string{
			"_rels/.rels": {`Id="rId1"`},
		}, "thumbnail"},
		{"signed package", pkg(t, "", `<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/origin" Target="_xmlsignatures/origin.sigs"/>`, plainBody, entry{"_xmlsignatures/origin.sigs", ""}), nil, "signature no longer validates"},
		{"macro-enabled", pkg(t, `<Override PartName="/word/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject"/>`, "", plainBody, entry{"word/vbaProject.bin", "\xd0\xcf\x11\xe0 macros"}), map[string][]string{
			"[Content_Types].xml": {`<Override PartName="/word/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject"/>`},
			"word/vbaProject.bin": {"\xd0\xcf\x11\xe0 macros"},
		}, ""},
		{"strict OOXML", strictDOCX(t), map[string][]string{
			"docProps/custom.xml": {"http://purl.oclc.org/ooxml/officeDocument/customProperties"},
			"_rels/.rels":         {"http://purl.oclc.org/ooxml/officeDocument/relationships/customProperties"},
		}, ""},
	}
}

func strictDOCX(t *testing.T) []byte {
	doc := strings.ReplaceAll(plainBody, wordNS, "http://purl.oclc.org/ooxml/wordprocessingml/main")
	rels := strings.Replace(strings.Replace(pkgRels, "RELS", "", 1), "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument", 1)
	return zipOf(t, entry{"[Content_Types].xml", strings.Replace(ctTypes, "OVERRIDES", "", 1)}, entry{"_rels/.rels", rels}, entry{"word/document.xml", doc})
}

func TestLabelDOCX(t *testing.T) {
	for _, tc := range docxCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			out, notes, err := labelBytes(t, tc.data, "a.docx")
			if err != nil {
				t.Fatal(err)
			}
			got := entries(t, out)
			for part, wants := range tc.want {
				for _, w := range wants {
					if !strings.Contains(got[part], w) {
						t.Errorf("%s lacks %q:\n%s", part, w, got[part])
					}
				}
			}
			if f, err := Inspect(out); err != nil || !strings.Contains(f.Notice, "Жасанды интеллект") || f.DigitalSourceType != testNotice.DigitalSourceType {
				t.Errorf("Inspect: %+v, %v", f, err)
			}
			if note := strings.Join(notes, " "); tc.note != "" && !strings.Contains(note, tc.note) || tc.note == "" && note != "" {
				t.Errorf("notes %q, want %q", notes, tc.note)
			}
			if strings.Contains(tc.name, "thumbnail") && (got["docProps/thumbnail.jpeg"] != "" || strings.Contains(got["[Content_Types].xml"], "thumbnail") || strings.Contains(got["_rels/.rels"], "thumbnail")) {
				t.Error("the thumbnail of the unlabeled page survived")
			}
			if _, err := exec.LookPath("unzip"); err == nil {
				if b, err := exec.Command("unzip", "-tq", out).CombinedOutput(); err != nil {
					t.Errorf("unzip -t: %v\n%s", err, b)
				}
			}
		})
	}
}

// TestRelabelReplaces: labeling a labeled copy again replaces Belgi's
// notice and properties rather than stacking them, and keeps the pids
// unique.
func TestRelabelReplaces(t *testing.T) {
	out, _, err := labelBytes(t, pkg(t, "", "", plainBody), "a.docx")
	if err != nil {
		t.Fatal(err)
	}
	data := []byte(readAll(t, out))
	again, _, err := labelBytes(t, data, "b.docx")
	if err != nil {
		t.Fatal(err)
	}
	c := entries(t, again)["docProps/custom.xml"]
	if n := strings.Count(c, `name="DigitalSourceType"`); n != 1 {
		t.Errorf("%d DigitalSourceType properties:\n%s", n, c)
	}
	d := entries(t, again)["word/document.xml"]
	if n := strings.Count(d, testNotice.Lines[0].Text); n != 1 || strings.Count(d, bookmark) != 1 || !strings.Contains(d, "Сәлем, әлем") {
		t.Errorf("the notice appears %d times:\n%s", n, d)
	}
}

func TestRefusals(t *testing.T) {
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"custom part of another kind", pkg(t, customOverride, customRel, plainBody, entry{"docProps/custom.xml", `<Other xmlns="urn:x"/>`}), "not a custom-properties part"},
		{"no body", pkg(t, "", "", `<w:document xmlns:w="`+wordNS+`"/>`), "no WordprocessingML body"},
		{"not XML", pkg(t, "", "", `<w:document xmlns:w="`+wordNS+`"><w:body>`), "not well-formed"},
		{"DTD", pkg(t, "", "", `<!DOCTYPE x [<!ENTITY a "b">]><w:document xmlns:w="`+wordNS+`"><w:body/></w:document>`), "DOCTYPE"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := labelBytes(t, tc.data, "a.docx")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}

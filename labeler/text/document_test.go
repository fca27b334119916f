package text

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/internal/officezip/officetest"
	"github.com/belgi-kz/belgi/labeler"
)

func TestMain(m *testing.M) {
	// pdfcpu must never write under the home folder; if it tried, it
	// would write here and TestPDFLeavesHomeAlone would see it.
	dir, _ := os.MkdirTemp("", "belgi-home-")
	os.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
	os.Setenv("HOME", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func need(t *testing.T, tool string) {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		t.Skipf("%s is not installed (Debian: poppler-utils, libimage-exiftool-perl, unzip)", tool)
	}
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	need(t, name)
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

func TestPDF(t *testing.T) {
	cases := []struct {
		name  string
		data  []byte
		pages string
		spec  func(*labeler.Spec)
	}{
		{"one.pdf", minimalPDF(1, ""), "1", func(*labeler.Spec) {}},
		{"three-xmp.pdf", minimalPDF(3, existingXMP), "3", func(s *labeler.Spec) { s.RealPerson = true }},
		{"all-pages.pdf", minimalPDF(2, ""), "2", func(s *labeler.Spec) { s.Text.PDFPages = labeler.PDFAll; s.AI = labeler.Modified }},
		{"three-langs.pdf", minimalPDF(1, ""), "1", func(s *labeler.Spec) { s.Langs = []labeler.Lang{"kk", "ru", "en"} }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			spec := labeler.DefaultSpec()
			tc.spec(&spec)
			res := process(t, writeInput(t, tc.name, tc.data), spec)
			if res.Status != labeler.StatusOK {
				t.Fatalf("status %s: %v", res.Status, res.Err)
			}
			text := run(t, "pdftotext", "-f", "1", "-l", "1", res.Output, "-")
			for _, line := range spec.Lines() {
				if !strings.Contains(text, line) {
					t.Errorf("pdftotext lacks %q:\n%s", line, text)
				}
			}
			if !strings.Contains(text, "Page 1 of the story") {
				t.Errorf("original text lost:\n%s", text)
			}
			if info := run(t, "pdfinfo", res.Output); !regexp.MustCompile(`Pages:\s+` + tc.pages + `\n`).MatchString(info) {
				t.Errorf("page count changed:\n%s", info)
			}
			dst := strings.TrimSpace(run(t, "exiftool", "-s3", "-XMP-iptcExt:DigitalSourceType", res.Output))
			if dst != spec.DigitalSourceType() {
				t.Errorf("exiftool reads DigitalSourceType %q", dst)
			}
			if strings.Contains(tc.name, "xmp") {
				if c := run(t, "exiftool", "-s3", "-XMP-dc:Creator", res.Output); !strings.Contains(c, "Айгерім Сейітқызы") {
					t.Errorf("existing XMP creator lost: %q", c)
				}
			}
			if spec.Text.PDFPages == labeler.PDFAll {
				if last := run(t, "pdftotext", "-f", tc.pages, "-l", tc.pages, res.Output, "-"); !strings.Contains(last, spec.Lines()[0]) {
					t.Errorf("last page lacks the notice:\n%s", last)
				}
			}
		})
	}
}

func TestPDFLeavesHomeAlone(t *testing.T) {
	res := process(t, writeInput(t, "a.pdf", minimalPDF(1, "")), labeler.DefaultSpec())
	if res.Status != labeler.StatusOK {
		t.Fatal(res.Err)
	}
	if entries, _ := os.ReadDir(os.Getenv("HOME")); len(entries) > 0 {
		t.Errorf("something wrote into the home folder: %v", entries)
	}
}

func TestDOCX(t *testing.T) {
	custom := docxEntry{Name: "docProps/custom.xml", Body: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Desk"><vt:lpwstr>Саясат</vt:lpwstr></property></Properties>`}
	cases := []struct {
		name string
		data []byte
	}{
		{"plain.docx", minimalDOCX(t)},
		{"with-custom.docx", minimalDOCX(t, custom)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			spec := labeler.DefaultSpec()
			res := process(t, writeInput(t, tc.name, tc.data), spec)
			if res.Status != labeler.StatusOK {
				t.Fatalf("status %s: %v", res.Status, res.Err)
			}
			run(t, "unzip", "-t", "-q", res.Output)
			doc := run(t, "unzip", "-p", res.Output, "word/document.xml")
			body := doc[strings.Index(doc, "<w:body>")+len("<w:body>"):]
			if !strings.HasPrefix(body, "<w:p>") || !strings.Contains(body, spec.Lines()[0]) || !strings.Contains(body, kazakh) {
				t.Errorf("notice is not the body's first paragraph:\n%s", body)
			}
			props := run(t, "unzip", "-p", res.Output, "docProps/custom.xml")
			if !strings.Contains(props, spec.DigitalSourceType()) {
				t.Errorf("custom properties lack the source type:\n%s", props)
			}
			if strings.Contains(tc.name, "custom") && !strings.Contains(props, "Саясат") {
				t.Errorf("existing custom property lost:\n%s", props)
			}
			if ex := run(t, "exiftool", "-s", res.Output); !strings.Contains(ex, "trainedAlgorithmicMedia") {
				t.Errorf("exiftool does not see the custom property:\n%s", ex)
			}
			sameRawBytes(t, tc.data, res.Output, "word/media/image1.bin")
		})
	}
}

// TestODT labels an OpenDocument text through the kind: odt2txt (a
// reader nobody here wrote) reads the notice first, exiftool reads the
// source type from meta.xml, a picture keeps its bytes, and check calls
// it labeled.
func TestODT(t *testing.T) {
	need(t, "odt2txt")
	spec := labeler.DefaultSpec()
	data := minimalODT(t)
	res := process(t, writeInput(t, "story.odt", data), spec)
	if res.Status != labeler.StatusOK {
		t.Fatalf("status %s: %v", res.Status, res.Err)
	}
	run(t, "unzip", "-t", "-q", res.Output)
	text := strings.Fields(run(t, "odt2txt", "--encoding=UTF-8", "--width=-1", res.Output))
	want := strings.Fields(strings.Join(spec.Lines(), " ") + " " + kazakh)
	if len(text) < len(want) || strings.Join(text[:len(want)], " ") != strings.Join(want, " ") {
		t.Errorf("odt2txt reads %q, want it to start with %q", text, want)
	}
	if ex := run(t, "exiftool", "-s", res.Output); !strings.Contains(ex, spec.DigitalSourceType()) {
		t.Errorf("exiftool does not see the source type:\n%s", ex)
	}
	sameRawBytes(t, data, res.Output, "Pictures/1.png")
	r, err := NewDocument().Inspect(context.Background(), res.Output)
	if err != nil || !r.Labeled || r.Format != "odt" || !slices.Contains(r.Layers, labeler.LayerNotice) {
		t.Errorf("check: %+v, %v", r, err)
	}
}

// minimalODT is an OpenDocument text as LibreOffice lays one out: the
// stored mimetype first, content with one paragraph, a picture, and the
// manifest (no meta.xml, so Belgi adds it).
func minimalODT(t *testing.T) []byte {
	t.Helper()
	const office, text = "urn:oasis:names:tc:opendocument:xmlns:office:1.0", "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
	return officetest.Zip(t, []officetest.Entry{
		{Name: "mimetype", Body: "application/vnd.oasis.opendocument.text"},
		{Name: "content.xml", Body: `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="` + office + `" xmlns:text="` + text + `" office:version="1.3"><office:body><office:text><text:p>` + kazakh + `</text:p></office:text></office:body></office:document-content>`},
		{Name: "Pictures/1.png", Body: strings.Repeat("\x89PNG picture bytes ", 50)},
		{Name: "META-INF/manifest.xml", Body: `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`},
	}, "mimetype")
}

// sameRawBytes checks an untouched entry kept its compressed bytes.
func sameRawBytes(t *testing.T, in []byte, outPath, name string) {
	t.Helper()
	raw := func(r *zip.Reader) []byte {
		for _, f := range r.File {
			if f.Name == name {
				rc, _ := f.OpenRaw()
				var b bytes.Buffer
				b.ReadFrom(rc)
				return b.Bytes()
			}
		}
		return nil
	}
	zin, _ := zip.NewReader(bytes.NewReader(in), int64(len(in)))
	zout, err := zip.OpenReader(outPath)
	if err != nil {
		t.Fatal(err)
	}
	defer zout.Close()
	if a, b := raw(zin), raw(&zout.Reader); a == nil || !bytes.Equal(a, b) {
		t.Errorf("%s changed on copy", name)
	}
}

func TestBrokenDocuments(t *testing.T) {
	pdfData := minimalPDF(1, "")
	docx := minimalDOCX(t)
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"empty.pdf", nil, "empty"},
		{"empty.docx", nil, "empty"},
		{"truncated.pdf", pdfData[:len(pdfData)/3], "PDF"},
		{"truncated.docx", docx[:len(docx)/2], "not a valid DOCX"},
		{"slip.docx", minimalDOCX(t, docxEntry{Name: "../evil.sh", Body: "rm -rf"}), "zip-slip"},
		{"abs.docx", minimalDOCX(t, docxEntry{Name: "/etc/passwd", Body: "x"}), "zip-slip"},
		{"entity.docx", entityDOCX(t), "ENTITY"},
		{"bomb.docx", minimalDOCX(t, docxEntry{Name: "word/bomb.xml", Body: strings.Repeat("0", 8<<20)}), "zip bomb"},
		{"notword.docx", zipOf(t, "hello.txt", "hi"), "not a Word document"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := process(t, writeInput(t, tc.name, tc.data), labeler.DefaultSpec())
			if res.Status != labeler.StatusError {
				t.Fatalf("status %s, want an error", res.Status)
			}
			if msg := res.Err.Error(); !strings.Contains(msg, tc.name) || !strings.Contains(msg, tc.want) {
				t.Errorf("error %q should name the file and say %q", msg, tc.want)
			}
		})
	}
}

func entityDOCX(t *testing.T) []byte {
	b := minimalDOCX(t)
	zr, _ := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		w, _ := zw.Create(f.Name)
		if f.Name == "word/document.xml" {
			w.Write([]byte(`<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>&lol;</w:body></w:document>`))
			continue
		}
		rc, _ := f.Open()
		var body bytes.Buffer
		body.ReadFrom(rc)
		w.Write(body.Bytes())
	}
	zw.Close()
	return out.Bytes()
}

func zipOf(t *testing.T, name, body string) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, _ := zw.Create(name)
	w.Write([]byte(body))
	zw.Close()
	return b.Bytes()
}

// TestRelabelDocuments: relabeling a labeled DOCX or ODT (say after a
// change of wording) replaces its notice paragraph with the new one; a
// labeled PDF is refused, since its band is stamped onto the page and a
// second would stack under it.
func TestRelabelDocuments(t *testing.T) {
	spec := labeler.DefaultSpec()
	spec.Out.Relabel = true
	for _, tc := range []struct {
		name string
		data []byte
	}{{"memo.docx", minimalDOCX(t)}, {"story.odt", minimalODT(t)}, {"one.pdf", minimalPDF(1, "")}} {
		t.Run(tc.name, func(t *testing.T) {
			first := process(t, writeInput(t, tc.name, tc.data), labeler.DefaultSpec())
			if first.Status != labeler.StatusOK {
				t.Fatalf("first labeling: %s %v", first.Status, first.Err)
			}
			again := spec
			again.AI = labeler.Modified // another wording
			res := process(t, first.Output, again)
			if strings.HasSuffix(tc.name, ".pdf") {
				if res.Status != labeler.StatusError || !strings.Contains(res.Err.Error(), "already labeled by Belgi") {
					t.Errorf("%s %v, want a refusal", res.Status, res.Err)
				}
				return
			}
			if res.Status != labeler.StatusOK {
				t.Fatalf("relabel: %s %v", res.Status, res.Err)
			}
			part, marks := "word/document.xml", 1 // a bookmark's start names it
			if strings.HasSuffix(tc.name, ".odt") {
				part, marks = "content.xml", 2 // its start and end do
			}
			body := run(t, "unzip", "-p", res.Output, part)
			if strings.Count(body, "_BelgiNotice") != marks || strings.Contains(body, spec.Lines()[0]) || !strings.Contains(body, again.Lines()[0]) {
				t.Errorf("want only the new notice (%q), got:\n%s", again.Lines()[0], body)
			}
		})
	}
}

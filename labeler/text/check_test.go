package text

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/labeler"
)

// labeledCopy labels data and returns the output's bytes.
func labeledCopy(t *testing.T, name string, data []byte) []byte {
	t.Helper()
	res := process(t, writeInput(t, name, data), labeler.DefaultSpec())
	if res.Status != labeler.StatusOK {
		t.Fatalf("%s: %v", name, res.Err)
	}
	out, err := os.ReadFile(res.Output)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestCheckReadsTheContent: check calls a file labeled only when the
// notice is in its content. A copy whose notice was cut, removed or
// neutralised keeps Belgi's record, and is reported not labeled, with
// the warning.
func TestCheckReadsTheContent(t *testing.T) {
	spec := labeler.DefaultSpec()
	txt := labeledCopy(t, "a.txt", []byte("Сәлем, әлем!\n"))
	pdf := labeledCopy(t, "a.pdf", minimalPDF(1, ""))
	docx := labeledCopy(t, "a.docx", minimalDOCX(t))
	contents := regexp.MustCompile(`/Contents \[(\d+ 0 R ?)+\]`)
	cases := []struct {
		name string
		data []byte
	}{
		{"cut.txt", []byte(strings.Replace(string(txt), spec.Lines()[0]+"\n"+spec.Lines()[1]+"\n", "", 1))},
		{"first-line-cut.txt", []byte(strings.Replace(string(txt), spec.Lines()[0]+"\n", "", 1)[len(spec.Lines()[1])+1:])},
		{"stream-removed.pdf", contents.ReplaceAllFunc(pdf, func(m []byte) []byte {
			refs := regexp.MustCompile(`\d+ 0 R`).FindAll(m, -1)
			kept := string(bytes.Join(refs[:len(refs)-1], []byte(" ")))
			return []byte("/Contents [" + kept + strings.Repeat(" ", len(m)-len(kept)-len("/Contents []")) + "]")
		})},
		{"stamp-neutralised.pdf", bytes.ReplaceAll(pdf, []byte("/BelgiNotice BMC"), []byte("/SomethingX BMC "))},
		{"paragraph-deleted.docx", withoutNotice(t, docx)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			kind := labeler.Kind(New())
			if !strings.HasSuffix(tc.name, ".txt") {
				kind = NewDocument()
			}
			r, err := kind.Inspect(context.Background(), writeInput(t, tc.name, tc.data))
			if err != nil {
				t.Fatal(err)
			}
			if r.Labeled || !slices.Contains(r.Warnings, WarnContentLacks) || slices.Contains(r.Layers, labeler.LayerNotice) {
				t.Errorf("report %+v: want not labeled, warned %q", r, WarnContentLacks)
			}
		})
	}
	for name, data := range map[string][]byte{"a.txt": txt, "a.pdf": pdf, "a.docx": docx} {
		kind := labeler.Kind(NewDocument())
		if name == "a.txt" {
			kind = New()
		}
		if r, err := kind.Inspect(context.Background(), writeInput(t, name, data)); err != nil || !r.Labeled || len(r.Warnings) > 0 {
			t.Errorf("%s intact: %+v, %v", name, r, err)
		}
	}
}

// withoutNotice deletes the notice paragraph from a labeled DOCX.
func withoutNotice(t *testing.T, data []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, f := range zr.File {
		rc, _ := f.Open()
		var body bytes.Buffer
		body.ReadFrom(rc)
		s := body.String()
		if f.Name == "word/document.xml" {
			i := strings.Index(s, "<w:body>") + len("<w:body>")
			s = s[:i] + s[strings.Index(s, "</w:p>")+len("</w:p>"):]
		}
		w, _ := zw.Create(f.Name)
		w.Write([]byte(s))
	}
	zw.Close()
	return b.Bytes()
}

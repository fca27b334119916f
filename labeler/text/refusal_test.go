package text

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/labeler"
)

// TestWordProcessorFormatsRefusedByName: formats the document kind
// recognises but cannot label are refused with their name and what to
// do, not called unknown files; macro-enabled and template DOCX label,
// and an OpenDocument package that is not a text document is named.
func TestWordProcessorFormatsRefusedByName(t *testing.T) {
	var ods bytes.Buffer
	zw := zip.NewWriter(&ods)
	w, _ := zw.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
	w.Write([]byte("application/vnd.oasis.opendocument.text-master"))
	zw.Close()
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"book.odt", ods.Bytes(), "opendocument.text-master"},
		{"story.rtf", []byte(`{\rtf1\ansi Сәлем}`), "Rich Text (RTF)"},
		{"story.doc", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 short"), "legacy Office (OLE)"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := process(t, writeInput(t, tc.name, tc.data), labeler.DefaultSpec())
			if res.Status != labeler.StatusError || !strings.Contains(res.Err.Error(), tc.want) {
				t.Errorf("%s %v, want a refusal naming %q", res.Status, res.Err, tc.want)
			}
		})
	}
	for _, name := range []string{"macro.docm", "template.dotx"} {
		if res := process(t, writeInput(t, name, minimalDOCX(t)), labeler.DefaultSpec()); res.Status != labeler.StatusOK {
			t.Errorf("%s: %s %v", name, res.Status, res.Err)
		}
	}
}

// Package officetest holds what the DOCX and ODT tests share: packages
// made by hand, labeled in a temporary folder, and read back entry by
// entry.
package officetest

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/belgi-kz/belgi/internal/officezip"
)

// Entry is one zip entry of a hand-made package.
type Entry struct{ Name, Body string }

// Zip writes the entries in order, deflated, except those named in
// stored, which are stored (as an ODT's "mimetype" must be).
func Zip(t testing.TB, entries []Entry, stored ...string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, e := range entries {
		h := &zip.FileHeader{Name: e.Name, Method: zip.Deflate}
		for _, s := range stored {
			if s == e.Name {
				h.Method = zip.Store
			}
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(e.Body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// Labeler is a format's Label.
type Labeler func(ctx context.Context, in, out string, n officezip.Notice) ([]string, error)

// Label writes data as name into a temporary folder and labels it with n.
func Label(t testing.TB, label Labeler, data []byte, name string, n officezip.Notice) (out string, notes []string, err error) {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, "in-"+name)
	out = filepath.Join(dir, name)
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	notes, err = label(context.Background(), in, out, n)
	return out, notes, err
}

// Entries reads every entry of a zip, checking CRCs.
func Entries(t testing.TB, path string) map[string]string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	out := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		out[f.Name] = string(b)
	}
	return out
}

// Notice is a two-language notice for the tests.
var Notice = officezip.Notice{
	Lines:             []officezip.Line{{Lang: "kk", Text: "Жасанды интеллект көмегімен жасалған"}, {Lang: "ru", Text: "Создано с помощью искусственного интеллекта"}},
	DigitalSourceType: "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia",
	Record:            "Belgi test; DigitalSourceType=http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia; layers=notice,xmp",
}

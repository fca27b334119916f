package docx

import (
	"archive/zip"
	"path/filepath"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/internal/officezip"
)

// TestNoticeMustOpenTheBody: check reads the notice from the content; a
// labeled document whose notice paragraph was deleted, emptied or moved
// down keeps its custom properties but shows no notice.
func TestNoticeMustOpenTheBody(t *testing.T) {
	out, _, err := labelBytes(t, pkg(t, "", "", plainBody), "a.docx")
	if err != nil {
		t.Fatal(err)
	}
	parts := entries(t, out)
	doc := parts["word/document.xml"]
	start := strings.Index(doc, "<w:body>") + len("<w:body>")
	end := strings.Index(doc, "</w:p>") + len("</w:p>")
	notice, rest := doc[start:end], doc[end:]
	edits := map[string]string{
		"deleted": doc[:start] + rest,
		"emptied": doc[:start] + strings.NewReplacer(testNotice.Lines[0].Text, "", testNotice.Lines[1].Text, "").Replace(notice) + rest,
		"moved":   doc[:start] + rest[:strings.Index(rest, "</w:p>")+6] + notice + rest[strings.Index(rest, "</w:p>")+6:],
	}
	for name, body := range edits {
		t.Run(name, func(t *testing.T) {
			var es []entry
			for n, b := range parts {
				if n == "word/document.xml" {
					b = body
				}
				es = append(es, entry{n, b})
			}
			path := t.TempDir() + "/e.docx"
			writeFile(t, path, zipOf(t, es...))
			f, err := Inspect(path)
			if err != nil {
				t.Fatal(err)
			}
			if f.Notice != "" || f.DigitalSourceType == "" {
				t.Errorf("notice %q, property %q: want no notice and the property kept", f.Notice, f.DigitalSourceType)
			}
		})
	}
}

// FuzzMergeCustom: any custom-properties part either is refused or comes
// out well-formed with exactly one of each of Belgi's properties.
func FuzzMergeCustom(f *testing.F) {
	for _, tc := range []string{
		`<Properties xmlns="` + customNSt + `" xmlns:vt="` + vtNS + `"/>`,
		`<op:Properties xmlns:op="` + customNSt + `"><op:property pid="9" name="DigitalSourceType"><x/></op:property></op:Properties>`,
		`<?xml version="1.0"?><!-- c --><Properties xmlns="http://purl.oclc.org/ooxml/officeDocument/customProperties"><property pid="x" name="a"/></Properties>`,
	} {
		f.Add([]byte(tc))
	}
	corpusParts(f, "docProps/custom.xml")
	f.Fuzz(func(t *testing.T, raw []byte) {
		p, err := officezip.ParsePart("docProps/custom.xml", raw)
		if err != nil || mergeCustom(p, testNotice) != nil {
			return
		}
		out := p.Bytes()
		back, err := officezip.ParsePart("docProps/custom.xml", out)
		if err != nil {
			t.Fatalf("merged part does not parse: %v\n%q", err, out)
		}
		if got := property(back, officezip.PropDST); got != testNotice.DigitalSourceType {
			t.Fatalf("property reads %q from %q", got, out)
		}
	})
}

// FuzzInsertNotice: any main document part either is refused or gets the
// notice as its body's first paragraph, still well-formed.
func FuzzInsertNotice(f *testing.F) {
	f.Add([]byte(plainBody))
	f.Add([]byte(`<document xmlns="` + wordNS + `"><body/></document>`))
	f.Add([]byte(`<a:document xmlns:a="http://purl.oclc.org/ooxml/wordprocessingml/main"><a:body><a:tbl/></a:body></a:document>`))
	corpusParts(f, "word/document.xml")
	f.Fuzz(func(t *testing.T, raw []byte) {
		p, err := officezip.ParsePart("word/document.xml", raw)
		if err != nil || insertNotice(p, testNotice) != nil {
			return
		}
		back, err := officezip.ParsePart("word/document.xml", p.Bytes())
		if err != nil {
			t.Fatalf("document does not parse after the notice: %v", err)
		}
		if !strings.Contains(noticeText(back), testNotice.Lines[0].Text) {
			t.Fatalf("notice not first in %q", p.Bytes())
		}
	})
}

// corpusParts seeds a fuzz target with one part of each real Word file
// in ../shared/realworld (read at run time, never copied here), when it
// is small enough to mutate.
func corpusParts(f *testing.F, name string) {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "realworld", "documents", "*.doc[xm]"))
	for _, p := range paths {
		zr, err := zip.OpenReader(p)
		if err != nil {
			continue
		}
		if e := officezip.Find(&zr.Reader, name); e != nil && e.UncompressedSize64 < 16<<10 {
			if b, err := officezip.ReadEntry(e); err == nil {
				f.Add(b)
			}
		}
		zr.Close()
	}
}

package pdf

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
)

// appendRevision adds an incremental update to data by hand: objects
// given as "num body" pairs, chained to data's last xref.
func appendRevision(t *testing.T, data []byte, objs map[int]string) []byte {
	t.Helper()
	f, err := Open(data)
	if err != nil {
		t.Fatal(err)
	}
	b := bytes.NewBuffer(append([]byte(nil), data...))
	offs := map[int]int{}
	size := 0
	for n, body := range objs {
		offs[n] = b.Len()
		fmt.Fprintf(b, "%d 0 obj\n%s\nendobj\n", n, body)
		size = max(size, n+1)
	}
	u := newUpdate(f)
	start := b.Len()
	writeTable(b, offs, fmt.Sprintf("/Size %d /Root %d 0 R /Prev %d", max(size, u.next), f.trailer.Get("Root").(Ref).Num, f.startxref))
	fmt.Fprintf(b, "startxref\n%d\n%%%%EOF\n", start)
	return b.Bytes()
}

// TestVerifyCatchesDamage: the read-back rejects an output that changed
// an original byte, lost a page's font, or lost the notice.
func TestVerifyCatchesDamage(t *testing.T) {
	src := textPage(2, "").bytes(classic)
	in, out, _ := mustLabel(t, src, testNotice(false))
	good, _ := os.ReadFile(out)
	f := openFile(t, in)
	pages, _ := f.Pages()
	lab := openFile(t, out)
	lp, _ := lab.Pages()
	page1 := string(appendObject(nil, lp[0].Dict))
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"original byte changed", bytes.Replace(good, []byte("/ProcSet [/PDF /Text]"), []byte("/ProcSet [/PDF /Txet]"), 1), "original bytes"},
		{"font dropped", appendRevision(t, good, map[int]string{10: strings.Replace(page1, "/F1 4 0 R", "", 1)}), "no longer resolves"},
		{"notice stream removed", appendRevision(t, good, map[int]string{10: "<< /Type /Page /Parent 2 0 R /Contents 11 0 R >>"}), "does not show the notice"},
		{"page 2 lost", appendRevision(t, good, map[int]string{2: "<< /Type /Pages /Kids [10 0 R] /Count 1 /MediaBox [0 0 612 792] /Resources 3 0 R >>"}), "pages"},
		{"page resized", appendRevision(t, good, map[int]string{2: "<< /Type /Pages /Kids [10 0 R 12 0 R] /Count 2 /MediaBox [0 0 612 844] /Resources 3 0 R >>"}), "size"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if err := os.WriteFile(out, tc.data, 0o644); err != nil {
				t.Fatal(err)
			}
			err := verifyFile(f, pages, out, []int{0}, kazakhLines, map[int]bool{10: true, 1: true, 2: true})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("verify: %v, want an error saying %q", err, tc.want)
			}
		})
	}
}

// TestNeutralisedNoticeIsNotFound: Inspect reads the band's text from
// the page; a later revision that drops or empties the band leaves the
// XMP record but no notice.
func TestNeutralisedNoticeIsNotFound(t *testing.T) {
	_, out, _ := mustLabel(t, textPage(1, "").bytes(classic), testNotice(false))
	good, _ := os.ReadFile(out)
	lab := openFile(t, out)
	lp, _ := lab.Pages()
	contents := lp[0].Dict.Get("Contents").(Array)
	last := contents[len(contents)-1].(Ref)
	cases := map[string][]byte{
		"stream dropped": appendRevision(t, good, map[int]string{10: "<< /Type /Page /Parent 2 0 R /Contents 11 0 R >>"}),
		"stream emptied": appendRevision(t, good, map[int]string{last.Num: stream("", "Q", false)}),
		"text removed":   appendRevision(t, good, map[int]string{last.Num: stream("", "Q /BelgiNotice BMC q 0 0 0 rg 0 0 10 10 re f Q EMC", false)}),
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			path := t.TempDir() + "/n.pdf"
			os.WriteFile(path, data, 0o644)
			found, err := Inspect(path)
			if err != nil {
				t.Fatal(err)
			}
			if found.Notice != "" || found.XMP == nil {
				t.Errorf("notice %q, XMP %d bytes: want no notice and the record kept", found.Notice, len(found.XMP))
			}
		})
	}
	if found, _ := Inspect(out); !hasLines(found.Notice, kazakhLines) {
		t.Errorf("the intact output reads %q", found.Notice)
	}
}

func TestEncryptedIsRefused(t *testing.T) {
	fx := textPage(1, "")
	fx.extra = "/Encrypt << /Filter /Standard /V 1 /R 2 /O <00> /U <00> /P -4 >> /ID [<01> <01>]"
	_, _, _, err := labelData(t, fx.bytes(classic), testNotice(false))
	if err == nil || !strings.Contains(err.Error(), "encrypted") || !strings.Contains(err.Error(), "unprotected copy") {
		t.Errorf("error %v, want a refusal naming encryption and what to do", err)
	}
}

func TestBrokenInputs(t *testing.T) {
	good := textPage(1, "").bytes(classic)
	cases := map[string][]byte{
		"empty":             nil,
		"not a PDF":         []byte("hello"),
		"header only":       []byte("%PDF-1.7\n"),
		"truncated":         good[:len(good)/3],
		"no catalog":        []byte("%PDF-1.4\n1 0 obj\n<< /Type /Font >>\nendobj\n%%EOF"),
		"pages loop":        loopPDF(),
		"no pages":          []byte("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF"),
		"startxref garbage": append(append([]byte(nil), good...), "startxref\n999999999\n%%EOF\n"...),
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			_, _, _, err := labelData(t, data, testNotice(false))
			if err == nil && name != "startxref garbage" {
				t.Error("labeled a broken PDF")
			}
			if name == "startxref garbage" && err != nil {
				t.Errorf("a wrong startxref is recoverable: %v", err)
			}
		})
	}
}

func loopPDF() []byte {
	fx := &fixture{objs: map[int]string{1: "<< /Type /Catalog /Pages 2 0 R >>", 2: "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", 3: "<< /Type /Pages /Kids [2 0 R] /Count 1 >>"}, root: 1}
	return fx.bytes(classic)
}

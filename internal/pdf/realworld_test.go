package pdf

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// realWorld lists the PDFs of ../shared/realworld (real files from
// public collections, never copied into the repository).
func realWorld(t *testing.T) []string {
	var paths []string
	for _, dir := range []string{"documents", "c2pa"} {
		p, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "realworld", dir, "*.pdf"))
		paths = append(paths, p...)
	}
	if len(paths) == 0 {
		t.Skip("../shared/realworld is not here: the real-world PDFs are not checked")
	}
	return paths
}

// TestRealWorldPDFs labels every real PDF and has poppler and qpdf
// compare input and output: the same fonts and images, no new poppler
// error, qpdf --check no worse, the notice first on page 1. Encrypted
// files must be refused with the reason.
func TestRealWorldPDFs(t *testing.T) {
	if testing.Short() {
		t.Skip("real-world corpus skipped in -short mode")
	}
	for _, path := range realWorld(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			in, out, _, err := labelData(t, data, testNotice(false))
			if err != nil {
				if strings.Contains(err.Error(), "encrypted") {
					return
				}
				t.Fatalf("refused: %v", err)
			}
			comparePoppler(t, in, out)
		})
	}
}

func comparePoppler(t *testing.T, in, out string) {
	t.Helper()
	fi, _, _ := tool(t, "pdffonts", in)
	fo, _, _ := tool(t, "pdffonts", out)
	if a, b := lines(fi, "NotoSans-Bold", 2), lines(fo, "NotoSans-Bold", 2); a != b {
		t.Errorf("pdffonts differ:\n%s\n---\n%s", a, b)
	}
	ii, _, _ := tool(t, "pdfimages", "-list", in)
	io, _, _ := tool(t, "pdfimages", "-list", out)
	if a, b := imageLines(ii), imageLines(io); a != b {
		t.Errorf("pdfimages -list differs:\n%s\n---\n%s", a, b)
	}
	for _, prog := range [][]string{{"pdftotext"}, {"pdftoppm", "-r", "8"}} {
		_, ei, _ := tool(t, prog[0], append(prog[1:], in, filepath.Join(t.TempDir(), "x"))...)
		_, eo, _ := tool(t, prog[0], append(prog[1:], out, filepath.Join(t.TempDir(), "x"))...)
		if n, m := distinct(ei), distinct(eo); m > n {
			t.Errorf("%s: %d distinct errors, the input had %d:\n%s", prog[0], m, n, eo)
		}
	}
	_, _, qi := tool(t, "qpdf", "--check", in)
	qo, qe, code := tool(t, "qpdf", "--check", out)
	if qi == 0 && code != 0 || code == 2 {
		t.Errorf("qpdf --check exit %d (input %d):\n%s%s", code, qi, qo, qe)
	}
	text, _, _ := tool(t, "pdftotext", "-l", "1", out, "-")
	if !strings.HasPrefix(strings.TrimSpace(text), kazakhLines[0]) && !strings.Contains(text, kazakhLines[0]) {
		t.Errorf("page 1 text lacks the notice:\n%.300s", text)
	}
}

// lines is a tool's table without its header and the rows naming skip.
func lines(s, skip string, header int) string {
	rows := strings.Split(strings.TrimSpace(s), "\n")
	rows = rows[min(header, len(rows)):]
	var keep []string
	for _, r := range rows {
		if !strings.Contains(r, skip) {
			keep = append(keep, r)
		}
	}
	sort.Strings(keep)
	return strings.Join(keep, "\n")
}

// imageLines is pdfimages -list without the resolution columns, which
// change when a page's content is scaled.
func imageLines(s string) string {
	rows := strings.Split(lines(s, "\x00", 2), "\n")
	for i, r := range rows {
		f := strings.Fields(r)
		if len(f) >= 16 {
			f[12], f[13] = "", ""
		}
		rows[i] = strings.Join(f, " ")
	}
	return strings.Join(rows, "\n")
}

func distinct(stderr string) int {
	seen := map[string]bool{}
	for _, l := range strings.Split(stderr, "\n") {
		if l != "" {
			seen[l] = true
		}
	}
	return len(seen)
}

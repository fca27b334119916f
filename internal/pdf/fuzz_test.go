package pdf

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
)

// corpusSeeds adds the real PDFs of ../shared/realworld (when present)
// under a size limit; they are read at run time, never copied here.
func corpusSeeds(f *testing.F, limit int64) {
	for _, dir := range []string{"documents", "c2pa"} {
		paths, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "realworld", dir, "*.pdf"))
		for _, p := range paths {
			if st, err := os.Stat(p); err == nil && st.Size() <= limit {
				if b, err := os.ReadFile(p); err == nil {
					f.Add(b)
				}
			}
		}
	}
}

func seeds(f *testing.F) {
	for _, tc := range labelCases() {
		f.Add(tc.data)
	}
	for _, tc := range parseCases {
		f.Add([]byte("%PDF-1.4\n1 0 obj\n" + tc.in + "\nendobj\ntrailer\n<< /Root 1 0 R >>\n"))
	}
	corpusSeeds(f, 64<<10)
}

// FuzzOpen: any bytes either fail to open or read without panicking,
// pages, content measures, notice text and the C2PA embedded file
// included.
func FuzzOpen(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Open(data)
		if err != nil {
			return
		}
		for _, n := range file.Objects() {
			_, _ = file.Get(Ref{Num: n})
		}
		_, _ = ManifestStore(data)
		pages, err := file.Pages()
		if err != nil {
			return
		}
		for _, p := range pages[:min(len(pages), 4)] {
			_ = file.NoticeText(p)
			_, _ = file.measurePage(p)
		}
	})
}

// FuzzUpdate: whatever Belgi appends to a PDF it can open, the result
// keeps the original bytes first, reads back without repair, has the
// same pages, shows the notice, and reads every original object as it
// was (the ones the update replaced aside).
func FuzzUpdate(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		in, err := Open(data)
		if err != nil {
			return
		}
		pages, err := in.Pages()
		if err != nil {
			return
		}
		u, _, stamped, err := build(context.Background(), in, pages, testNotice(false))
		if err != nil {
			return
		}
		out := u.Bytes()
		if !bytes.HasPrefix(out, data) {
			t.Fatal("original bytes not kept")
		}
		back, err := Open(out)
		if err != nil || back.Repaired {
			t.Fatalf("output does not read back cleanly: %v (repaired %v)", err, back != nil && back.Repaired)
		}
		replaced := map[int]bool{}
		for n := range u.objs {
			replaced[n] = true
		}
		if err := sameObjects(in, back, replaced); err != nil {
			t.Fatal(err)
		}
		bp, err := back.Pages()
		if err != nil || len(bp) != len(pages) {
			t.Fatalf("pages: %v, %d want %d", err, len(bp), len(pages))
		}
		for _, i := range stamped {
			if !hasLines(back.NoticeText(bp[i]), kazakhLines) {
				t.Fatalf("page %d lacks the notice", i+1)
			}
		}
	})
}

package pdf

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// contentStreams returns the decoded content streams of page 1.
func contentStreams(t *testing.T, path string) [][]byte {
	t.Helper()
	f := openFile(t, path)
	pages, err := f.Pages()
	if err != nil {
		t.Fatal(err)
	}
	s, err := f.pageContent(pages[0].Dict)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestMarginOrScale: a page whose top is measured empty keeps its content
// exactly where it was; a page drawn to the top gets its content scaled
// by the least that frees the band, and says so.
func TestMarginOrScale(t *testing.T) {
	margin := textPage(1, "")
	margin.objs[11] = stream("", "BT /F1 12 Tf 72 600 Td (Body) Tj ET", false)
	cases := []struct {
		name   string
		data   []byte
		scaled bool
	}{
		{"empty top", margin.bytes(classic), false},
		{"drawn to the top", textPage(1, "").bytes(classic), true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, out, o := mustLabel(t, tc.data, testNotice(false))
			pre := string(contentStreams(t, out)[0])
			if got := strings.Contains(pre, " cm"); got != tc.scaled {
				t.Errorf("first stream %q: scaled=%v, want %v", pre, got, tc.scaled)
			}
			if noted := len(o.Notes) > 0 && strings.Contains(o.Notes[0], "scaled to"); noted != tc.scaled {
				t.Errorf("notes %q", o.Notes)
			}
		})
	}
}

// TestBandAtDisplayedTop renders each rotation with poppler: the band's
// dark fill is in the top rows of the page as displayed, and the page
// keeps its displayed size.
func TestBandAtDisplayedTop(t *testing.T) {
	for _, rot := range []string{"0", "90", "180", "270"} {
		t.Run(rot, func(t *testing.T) {
			_, out, _ := mustLabel(t, textPage(1, "/Rotate "+rot).bytes(classic), testNotice(false))
			base := filepath.Join(t.TempDir(), "p")
			if _, stderr, code := tool(t, "pdftoppm", "-r", "36", "-png", "-singlefile", out, base); code != 0 {
				t.Fatal(stderr)
			}
			fh, err := os.Open(base + ".png")
			if err != nil {
				t.Fatal(err)
			}
			defer fh.Close()
			img, err := png.Decode(fh)
			if err != nil {
				t.Fatal(err)
			}
			b := img.Bounds()
			landscape := rot == "90" || rot == "270"
			if (b.Dx() > b.Dy()) != landscape {
				t.Fatalf("displayed size %v for /Rotate %s", b, rot)
			}
			dark := func(y int) bool {
				r, g, bl, _ := img.At(b.Dx()/2, y).RGBA()
				return r < 0x3000 && g < 0x3000 && bl < 0x3000
			}
			if !dark(b.Dy()*3/100) || dark(b.Dy()/2) || dark(b.Dy()-3) {
				t.Errorf("band not at the displayed top for /Rotate %s", rot)
			}
		})
	}
}

// TestAnnotationsFollowScaledContent: when the content is scaled, a form
// field's widget moves by the same transformation, so it still sits on
// the box drawn for it; its value and parent stay.
func TestAnnotationsFollowScaledContent(t *testing.T) {
	fx := textPage(1, "/Annots [20 0 R]")
	fx.objs[20] = "<< /Type /Annot /Subtype /Widget /FT /Tx /T (name) /V (Айгерім) /Rect [72 700 300 730] /P 10 0 R >>"
	fx.objs[1] = "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [20 0 R] >> >>"
	_, out, _ := mustLabel(t, fx.bytes(classic), testNotice(false))
	f := openFile(t, out)
	pre := contentStreams(t, out)[0]
	var cm matrix
	_ = eachOp(pre, func(o op) bool {
		if o.name == "cm" {
			cm, _ = matrixOf(o.args)
		}
		return true
	})
	if cm == (matrix{}) {
		t.Fatal("content was not scaled")
	}
	w, _ := f.Resolve(Ref{Num: 20}).(Dict)
	r, _ := f.rect(w.Get("Rect"))
	x0, y0 := cm.apply(72, 700)
	x1, y1 := cm.apply(300, 730)
	for i, want := range []float64{x0, y0, x1, y1} {
		if d := r[i] - want; d > 0.01 || d < -0.01 {
			t.Fatalf("widget Rect %v, want %v %v %v %v", r, x0, y0, x1, y1)
		}
	}
	if v, _ := w.Get("V").(String); string(v.B) != "Айгерім" || w.Get("T") == nil {
		t.Errorf("field lost its value or name: %v", w)
	}
}

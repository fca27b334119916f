package text

import (
	"context"
	"image"
	"os/exec"
	"testing"

	"github.com/belgi-kz/belgi/labeler"
)

// The notice box's background must show the notice font's ink: if a
// glyph were missing (Go fonts lack ә ғ қ ң ө ұ ү һ), the font would draw
// nothing or a box. Checked by comparing ink with and without Kazakh.
func TestPreviewDrawsKazakhNotice(t *testing.T) {
	spec := labeler.DefaultSpec()
	var kinds = []struct {
		name string
		data []byte
		p    labeler.Previewer
	}{
		{"a.txt", []byte("Сәлем\n" + kazakh), New()},
		{"a.srt", textCases()[10].data, New()},
		{"a.html", textCases()[8].data, New()},
		{"a.docx", minimalDOCX(t), NewDocument()},
		{"a.odt", minimalODT(t), NewDocument()},
		{"a.pdf", minimalPDF(2, ""), NewDocument()},
	}
	for _, k := range kinds {
		img, err := k.p.Preview(context.Background(), writeInput(t, k.name, k.data), spec, 600)
		if err != nil {
			t.Fatalf("%s: %v", k.name, err)
		}
		if b := img.Bounds(); b.Dx() > 600 || b.Dy() > 600 {
			t.Errorf("%s: preview %v larger than 600", k.name, b)
		}
	}
	only := func(lines []string) int {
		img, err := Render(lines, nil, 600)
		if err != nil {
			t.Fatal(err)
		}
		return ink(img)
	}
	if a, b := only([]string{"әғқңөұүһі"}), only([]string{""}); a <= b+50 {
		t.Errorf("Kazakh letters drew %d light pixels vs %d for nothing", a, b)
	}
}

// ink counts light pixels, i.e. text drawn in white on the dark box.
func ink(img image.Image) int {
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Min.Y+b.Dy()/3; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r > 0xC000 && g > 0xC000 && bl > 0xC000 && y > 20 && x > 20 && x < b.Max.X-20 {
				n++
			}
		}
	}
	return n
}

// TestPDFPreviewIsTheLabeledPage: with poppler installed, a PDF's
// preview is its labeled first page, notice band on top: the top of the
// picture has the band's dark fill, the rest the page's white.
func TestPDFPreviewIsTheLabeledPage(t *testing.T) {
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("poppler-utils not installed")
	}
	img, err := NewDocument().Preview(context.Background(),
		writeInput(t, "p.pdf", minimalPDF(1, "")), labeler.DefaultSpec(), 400)
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	if b.Dx() > 400 || b.Dy() > 400 || b.Dy() < 200 {
		t.Fatalf("page preview is %v, want the page scaled to 400 px", b)
	}
	dark := func(y int) bool {
		r, g, bl, _ := img.At(b.Min.X+b.Dx()/2, y).RGBA()
		return r < 0x4000 && g < 0x4000 && bl < 0x4000
	}
	if !dark(b.Min.Y+b.Dy()*4/100) || dark(b.Max.Y-4) {
		t.Errorf("want the dark notice band at the top of a white page")
	}
}

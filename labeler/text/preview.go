package text

import (
	"context"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/belgi-kz/belgi/assets"
	"github.com/belgi-kz/belgi/internal/docx"
	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/internal/odt"
	"github.com/belgi-kz/belgi/internal/pdf"
	"github.com/belgi-kz/belgi/internal/scratch"
	"github.com/belgi-kz/belgi/labeler"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// previewLines is how much of the material a preview shows under the
// notice: enough to see where the notice sits, no more.
const previewLines = 30

// Preview implements labeler.Previewer: the notice block over the first
// lines of the text (HTML as its visible text, subtitles as cue text).
func (Text) Preview(ctx context.Context, path string, spec labeler.Spec, max int) (image.Image, error) {
	d, f, err := read(path)
	if err != nil {
		return nil, err
	}
	var body []string
	switch f.name {
	case "html":
		body = htmlText(d.Text)
	case "srt", "vtt":
		body = cueText(d.Text)
	case "ass":
		body = assText(d.Text)
	default:
		body = strings.Split(strings.ReplaceAll(d.Text, "\r\n", "\n"), "\n")
	}
	return Render(spec.Lines(), body[:min(len(body), previewLines)], max)
}

// Preview implements labeler.Previewer: DOCX and ODT show their first
// paragraphs;
// a PDF shows its labeled first page when poppler's pdftoppm is
// installed (Go has no PDF rasterizer), else what the band will say and
// a line about the pages.
func (Document) Preview(ctx context.Context, path string, spec labeler.Spec, max int) (image.Image, error) {
	head, err := labeler.ReadHead(path)
	if err != nil {
		return nil, err
	}
	var body []string
	switch docFormat(path, head) {
	case "docx":
		body, err = docx.Paragraphs(path, previewLines)
	case "odt":
		body, err = odt.Paragraphs(path, previewLines)
	case "pdf":
		if img, err := pdfFirstPage(ctx, path, spec, max); err == nil {
			return img, nil
		}
		var f pdf.Found
		if f, err = pdf.Inspect(path); err == nil {
			body = []string{fmt.Sprintf("(PDF, %d pages: the notice band goes at the top of the first page)", f.Pages)}
		}
	}
	if err != nil {
		return nil, fmt.Errorf("document: preview: %w", err)
	}
	return Render(spec.Lines(), body, max)
}

// faces are the preview's fonts; Noto Sans because Go's own fonts lack
// the Kazakh letters.
var faces = sync.OnceValues(func() ([2]*opentype.Font, error) {
	reg, err := opentype.Parse(assets.NotoSansRegular)
	if err != nil {
		return [2]*opentype.Font{}, err
	}
	bold, err := opentype.Parse(assets.NotoSansBold)
	return [2]*opentype.Font{reg, bold}, err
})

// Render draws notice lines in a dark bordered box above body lines, on a
// page max pixels tall (16 to 4096) and three quarters as wide. It is
// pure: no I/O. A small max gives small type: the Previewer contract is
// "at most max", and the caller picks a size it can read.
func Render(notice, body []string, max int) (image.Image, error) {
	fonts, err := faces()
	if err != nil {
		return nil, err
	}
	max = min(4096, maxInt(max, 16))
	w, h := max*3/4, max
	size := float64(w) / 40
	reg, _ := opentype.NewFace(fonts[0], &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
	bold, _ := opentype.NewFace(fonts[1], &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	pad, lh := int(size), int(size*1.4)
	inner := w - 4*pad
	var nl []string
	for _, l := range notice {
		nl = append(nl, wrap(bold, l, inner)...)
	}
	box := image.Rect(pad, pad, w-pad, pad+2*pad/2+len(nl)*lh+pad/2)
	draw.Draw(img, box, image.NewUniform(color.RGBA{0xFF, 0xD4, 0, 0xFF}), image.Point{}, draw.Src)
	draw.Draw(img, box.Inset(maxInt(2, pad/6)), image.NewUniform(color.RGBA{0x11, 0x11, 0x11, 0xFF}), image.Point{}, draw.Src)
	y := text(img, bold, image.White, nl, 2*pad, box.Min.Y+pad/2, lh, box.Max.Y)
	var bl []string
	for _, l := range body {
		bl = append(bl, wrap(reg, l, w-2*pad)...)
	}
	text(img, reg, image.Black, bl, pad, maxInt(y, box.Max.Y)+pad, lh, h)
	return img, nil
}

// text draws lines from top y, stopping at bottom; it returns the y after
// the last line.
func text(img draw.Image, face font.Face, c image.Image, lines []string, x, y, lh, bottom int) int {
	d := font.Drawer{Dst: img, Src: c, Face: face}
	for _, l := range lines {
		if y+lh > bottom {
			break
		}
		d.Dot = fixed.P(x, y+lh*3/4)
		d.DrawString(l)
		y += lh
	}
	return y
}

// wrap breaks s into lines no wider than width pixels, at spaces.
func wrap(face font.Face, s string, width int) []string {
	words := strings.Fields(s)
	if len(words) == 0 {
		return []string{""}
	}
	var out []string
	line := words[0]
	for _, w := range words[1:] {
		if font.MeasureString(face, line+" "+w).Ceil() > width {
			out, line = append(out, line), w
			continue
		}
		line += " " + w
	}
	return append(out, line)
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}

// pdfFirstPage labels the PDF into a temporary folder and has pdftoppm
// draw the first page of the result, so the preview is the real output.
func pdfFirstPage(ctx context.Context, path string, spec labeler.Spec, max int) (image.Image, error) {
	if _, err := ffmpeg.Find("pdftoppm"); err != nil {
		return nil, err
	}
	dir, err := scratch.Dir("", "pdf-preview")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	out := filepath.Join(dir, "labeled.pdf")
	if _, err := pdf.Label(ctx, path, out, pdfNotice(spec)); err != nil {
		return nil, err
	}
	page := filepath.Join(dir, "page")
	if _, err := ffmpeg.Run(ctx, "pdftoppm", "-f", "1", "-l", "1", "-png", "-singlefile",
		"-scale-to", strconv.Itoa(max), out, page); err != nil {
		return nil, err
	}
	f, err := os.Open(page + ".png")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return png.Decode(f)
}

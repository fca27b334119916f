package main

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"strings"

	"github.com/belgi-kz/belgi/assets"
	xdraw "golang.org/x/image/draw"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// The sheet's geometry, in pixels: every tile is tileH tall (its width
// follows the frame's aspect), with a caption line under it.
const (
	tileH    = 200
	captionH = 24
	gap      = 14
	labelW   = 180
	headH    = 96
)

var (
	paper = color.RGBA{246, 246, 244, 255}
	ink   = color.RGBA{20, 20, 20, 255}
	grey  = color.RGBA{96, 96, 96, 255}
)

// sheetFaces are the caption fonts: Noto Sans, which covers Kazakh.
type sheetFaces struct{ text, bold font.Face }

func newFaces() (sheetFaces, error) {
	reg, err := opentype.Parse(assets.NotoSansRegular)
	if err != nil {
		return sheetFaces{}, err
	}
	bold, err := opentype.Parse(assets.NotoSansBold)
	if err != nil {
		return sheetFaces{}, err
	}
	t, _ := opentype.NewFace(reg, &opentype.FaceOptions{Size: 13, DPI: 72, Hinting: font.HintingFull})
	b, _ := opentype.NewFace(bold, &opentype.FaceOptions{Size: 15, DPI: 72, Hinting: font.HintingFull})
	return sheetFaces{text: t, bold: b}, nil
}

// build labels every frame with every row's spec and lays the tiles out.
func build(frames []frame) (*image.RGBA, error) {
	faces, err := newFaces()
	if err != nil {
		return nil, err
	}
	rs := rows()
	widths, total := tileWidths(frames)
	sheet := image.NewRGBA(image.Rect(0, 0, labelW+total+gap*(len(frames)+1), headH+len(rs)*(tileH+captionH+gap)+gap))
	draw.Draw(sheet, sheet.Rect, image.NewUniform(paper), image.Point{}, draw.Src)
	head(sheet, faces, frames, widths)
	for i, r := range rs {
		y := headH + i*(tileH+captionH+gap)
		write(sheet, faces.bold, r.caption, gap, y+tileH/2, ink)
		x := labelW + gap
		for j, f := range frames {
			t := label(f, r.spec)
			if t.err != nil {
				return nil, fmt.Errorf("%s on %s: %w", r.caption, f.name, t.err)
			}
			place(sheet, t, image.Rect(x, y, x+widths[j], y+tileH), faces)
			x += widths[j] + gap
		}
	}
	return sheet, nil
}

// tileWidths are the tiles' widths at tileH, and their sum.
func tileWidths(frames []frame) ([]int, int) {
	var ws []int
	total := 0
	for _, f := range frames {
		w := f.w * tileH / f.h
		ws, total = append(ws, w), total+w
	}
	return ws, total
}

// head writes the title, what the numbers mean, the photographs' sources
// and the column names.
func head(sheet *image.RGBA, faces sheetFaces, frames []frame, widths []int) {
	write(sheet, faces.bold, "Belgi — the picture label on real photographs, every style and profile", gap, 24, ink)
	write(sheet, faces.text, "Under each tile: the label's box and the bounding box of changed pixels, in % of the frame; "+
		"the label is drawn at the frame's real size (cap height 5 % of the shorter side) and scaled down here.", gap, 44, grey)
	var from []string
	for _, f := range frames {
		if f.from != "" {
			from = append(from, f.name+" "+f.from)
		}
	}
	if len(from) > 0 {
		write(sheet, faces.text, "Frames cropped from the real-world corpus: "+strings.Join(from, ", "), gap, 62, grey)
	}
	x := labelW + gap
	for i, f := range frames {
		write(sheet, faces.bold, fmt.Sprintf("%s  (%d×%d)", f.name, f.w, f.h), x, headH-10, ink)
		x += widths[i] + gap
	}
}

// place scales a tile into r and writes its numbers under it.
func place(sheet *image.RGBA, t tile, r image.Rectangle, faces sheetFaces) {
	xdraw.CatmullRom.Scale(sheet, r, t.img, t.img.Rect, draw.Src, nil)
	caption := fmt.Sprintf("%.2f %% · px %.2f %%", t.box, t.changed)
	write(sheet, faces.text, caption, r.Min.X, r.Max.Y+17, ink)
}

// write draws s with its baseline at y.
func write(dst *image.RGBA, face font.Face, s string, x, y int, c color.Color) {
	d := font.Drawer{Dst: dst, Src: image.NewUniform(c), Face: face, Dot: fixed.P(x, y)}
	d.DrawString(s)
}

package render

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math"

	"github.com/belgi-kz/belgi/labeler"
	"golang.org/x/image/font"
)

// slateInk and slatePaper are the slate's colours: white on near-black
// is 18:1, far above 4.5:1, and reads on any screen in any light.
var (
	slatePaper = color.NRGBA{17, 17, 17, 255}
	slateInk   = color.NRGBA{255, 255, 255, 255}
)

// Slate draws a full-frame card, w×h displayed pixels, announcing that
// what follows was made or changed with AI: the short mark large in a
// chip, then the notice in every chosen language, centred. Video puts it
// in front of the programme; it is opaque, so it needs no background.
func Slate(spec labeler.Spec, w, h int) (*image.RGBA, error) {
	if w < 16 || h < 16 {
		return nil, fmt.Errorf("render: a %d×%d frame is %w", w, h, ErrTooSmall)
	}
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Rect, image.NewUniform(slatePaper), image.Point{}, draw.Src)
	short := float64(min(w, h))
	for c := short * 0.055; c >= tinyCap; c *= 0.9 {
		ok, err := drawSlate(img, spec.Mark(), spec.Lines(), c)
		if err != nil || ok {
			return img, err
		}
	}
	return nil, fmt.Errorf("render: a %d×%d frame is %w", w, h, ErrTooSmall)
}

// drawSlate lays the card out with text of cap height c; it draws and
// reports true only when everything fits inside 90 % of the frame.
func drawSlate(img *image.RGBA, mark string, lines []string, c float64) (bool, error) {
	w, h := float64(img.Rect.Dx()), float64(img.Rect.Dy())
	face, err := noto.face(c)
	if err != nil {
		return false, err
	}
	defer face.Close()
	big, err := noto.face(c * 2.2)
	if err != nil {
		return false, err
	}
	defer big.Close()
	wrapped, _, ok := wrap(face, lines, w*0.84, 0)
	if !ok {
		return false, nil
	}
	lineH := math.Ceil(c / noto.capRatio * 1.3)
	bigH := math.Ceil(c * 2.2 / noto.capRatio * 1.25)
	gap := math.Round(c * 1.6)
	total := float64(len(wrapped)) * lineH
	if mark != "" {
		total += bigH + gap
	}
	if total > h*0.9 {
		return false, nil
	}
	y := math.Round((h - total) / 2)
	if mark != "" {
		chipW := textWidth(big, mark) + 2*math.Round(c*1.0)
		x := math.Round((w - chipW) / 2)
		fillRounded(img, image.Rect(int(x), int(y), int(x+chipW), int(y+bigH)), bigH*0.18, slateInk)
		centred(img, big, mark, y, bigH, slatePaper)
		y += bigH + gap
	}
	for _, l := range wrapped {
		centred(img, face, l, y, lineH, slateInk)
		y += lineH
	}
	return true, nil
}

// centred draws s horizontally centred in a row of height rowH at y,
// with its capitals vertically centred in the row.
func centred(img *image.RGBA, face font.Face, s string, y, rowH float64, c color.NRGBA) {
	x := math.Round((float64(img.Rect.Dx()) - textWidth(face, s)) / 2)
	capH := float64(face.Metrics().CapHeight) / 64
	if capH <= 0 {
		capH = float64(face.Metrics().Ascent) / 64 * 0.7
	}
	text(img, face, s, x, math.Round(y+(rowH+capH)/2), c)
}

package render

import (
	"image"
	"image/color"
	"math"
)

// drawCompact paints the compact (or mark) label onto a fresh patch: the
// box, the chip flush with its left edge in the text colour, the
// acronyms centred in the chip, the words and the person lines. A chip
// alone (the mark style) takes whichever of the two colours stands out
// more from the picture beneath.
func (l Layout) drawCompact(patch *image.RGBA, col Colors, bg Background) error {
	m := l.compact
	face, err := noto.face(l.Cap)
	if err != nil {
		return err
	}
	defer face.Close()
	radius := compactRadius * m.c
	fill := col.Text
	if len(l.Lines)+len(l.Person) > 0 {
		paintBox(patch, radius, col.Box)
	} else {
		fill = standOut(col, bg)
	}
	if len(l.Marks) > 0 {
		fillChip(patch, m.chipW, m.chipH, radius, fill)
		ink := chipInk(fill)
		for i, mark := range l.Marks {
			x := math.Round((m.chipW - textWidth(face, mark)) / 2)
			text(patch, face, mark, x, math.Round(m.baseline(i)), ink)
		}
	}
	for i, word := range l.Lines {
		text(patch, face, word, math.Round(m.wordX), math.Round(m.baseline(i)), col.Text)
	}
	for i, line := range l.Person {
		text(patch, face, line, math.Round(compactPad*m.c), math.Round(m.baseline(m.rows+i)), col.Text)
	}
	return nil
}

// fillChip paints the chip: the box's left part, chipW wide and chipH
// tall, with the box's rounded corners on its left and, when it is the
// whole box, on its right too.
func fillChip(dst *image.RGBA, chipW, chipH, radius float64, c color.NRGBA) {
	w, h := int(math.Round(chipW)), int(math.Round(chipH))
	shape := image.Rect(0, 0, w, h)
	if w < dst.Rect.Dx() { // a right edge inside the box: square corners there
		shape.Max.X += int(math.Ceil(2 * radius))
	}
	fillRounded(dst.SubImage(image.Rect(0, 0, w, h)).(*image.RGBA), shape, radius, c)
}

// standOut is the text colour or the box colour, made opaque, whichever
// contrasts more with the picture's mean luminance under the label.
func standOut(col Colors, bg Background) color.NRGBA {
	box := col.Box
	box.A = 255
	vs := func(c color.NRGBA) float64 {
		hi, lo := max(luminance(c), bg.Mean), min(luminance(c), bg.Mean)
		return (hi + 0.05) / (lo + 0.05)
	}
	if vs(box) > vs(col.Text) {
		return box
	}
	return col.Text
}

// chipInk is the colour of the acronym on a chip of colour c: black or
// white, whichever contrasts more, so it reads at 21:1 against the chip
// whatever box colour was chosen.
func chipInk(c color.NRGBA) color.NRGBA {
	if contrast(c, black) > contrast(c, white) {
		return black
	}
	return white
}

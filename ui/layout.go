package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// tightVBox stacks labels vertically, overlapping their inner padding,
// for a two-line list row (name over status) that should read as one
// item.
type tightVBox struct{}

// overlap is how much of each label's padding the next one covers.
func overlap() float32 { return theme.InnerPadding() }

// Layout implements fyne.Layout.
func (*tightVBox) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for _, o := range objs {
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h - overlap()
	}
}

// MinSize implements fyne.Layout.
func (*tightVBox) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for i, o := range objs {
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height
		if i > 0 {
			s.Height -= overlap()
		}
	}
	return s
}

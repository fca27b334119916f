package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/belgi-kz/belgi/labeler"
)

// positionPicker is a 3×3 grid standing for the picture: tap a cell to
// anchor the label there.
type positionPicker struct {
	cells    []*widget.Button
	value    labeler.Position
	frame    *fyne.Container
	onChange func()
}

func newPositionPicker() *positionPicker {
	p := &positionPicker{value: labeler.BottomRight}
	grid := container.NewGridWithColumns(3)
	for _, pos := range labeler.Positions {
		b := &widget.Button{OnTapped: func() { p.tapped(pos) }}
		p.cells = append(p.cells, b)
		grid.Add(b)
	}
	border := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	border.StrokeColor = theme.Color(theme.ColorNameInputBorder)
	border.StrokeWidth = 1
	border.CornerRadius = theme.InputRadiusSize()
	p.frame = container.NewStack(border, container.NewPadded(grid))
	p.show()
	return p
}

func (p *positionPicker) tapped(pos labeler.Position) {
	p.set(pos)
	if p.onChange != nil {
		p.onChange()
	}
}

// set selects pos without telling anyone.
func (p *positionPicker) set(pos labeler.Position) {
	p.value = pos
	p.show()
}

func (p *positionPicker) show() {
	for i, b := range p.cells {
		if labeler.Positions[i] == p.value {
			b.Icon, b.Importance = theme.RadioButtonCheckedIcon(), widget.HighImportance
		} else {
			b.Icon, b.Importance = theme.RadioButtonIcon(), widget.LowImportance
		}
		b.Refresh()
	}
}

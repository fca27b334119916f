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
// anchor the label there. "Automatic" leaves the anchor to Belgi:
// bottom-right, top-right on a video with subtitles; its cell shows
// dimmed.
type positionPicker struct {
	cells    []*widget.Button
	auto     *widget.Check
	value    labeler.Position
	frame    *fyne.Container
	onChange func()
}

func newPositionPicker(tr *translator) *positionPicker {
	p := &positionPicker{value: labeler.Auto}
	grid := container.NewGridWithColumns(3)
	for _, pos := range labeler.Positions {
		b := &widget.Button{OnTapped: func() { p.tapped(pos) }}
		p.cells = append(p.cells, b)
		grid.Add(b)
	}
	p.auto = widget.NewCheck(tr.L("Automatic"), p.autoToggled)
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

// autoToggled: on leaves the anchor to Belgi; off keeps the anchor it
// showed, now as the person's choice.
func (p *positionPicker) autoToggled(on bool) {
	if on == (p.value == labeler.Auto) {
		return // set() is filling the widget
	}
	if on {
		p.tapped(labeler.Auto)
	} else {
		p.tapped(labeler.Auto.Resolve(false))
	}
}

// set selects pos without telling anyone.
func (p *positionPicker) set(pos labeler.Position) {
	p.value = pos
	p.show()
}

func (p *positionPicker) show() {
	shown := p.value.Resolve(false)
	for i, b := range p.cells {
		switch {
		case labeler.Positions[i] != shown:
			b.Icon, b.Importance = theme.RadioButtonIcon(), widget.LowImportance
		case p.value == labeler.Auto:
			b.Icon, b.Importance = theme.RadioButtonCheckedIcon(), widget.MediumImportance
		default:
			b.Icon, b.Importance = theme.RadioButtonCheckedIcon(), widget.HighImportance
		}
		b.Refresh()
	}
	if p.auto != nil {
		p.auto.SetChecked(p.value == labeler.Auto)
	}
}

package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/belgi-kz/belgi/labeler"
)

// langPicker chooses the label languages and their order: a row per
// language with a check box and up/down buttons. The label's lines
// follow the rows from top to bottom.
type langPicker struct {
	order    []labeler.Lang
	checks   map[labeler.Lang]*widget.Check
	box      *fyne.Container
	onChange func()
}

func newLangPicker() *langPicker {
	p := &langPicker{order: labeler.AllLangs(), checks: map[labeler.Lang]*widget.Check{}, box: container.NewVBox()}
	for _, l := range p.order {
		p.checks[l] = widget.NewCheck(l.NativeName()+" ("+string(l)+")", p.checked)
	}
	p.rebuild()
	return p
}

func (p *langPicker) checked(bool) {
	if p.onChange != nil {
		p.onChange()
	}
}

// set shows langs checked, in their order, followed by the unchecked ones.
func (p *langPicker) set(langs []labeler.Lang) {
	order := append([]labeler.Lang(nil), langs...)
	for _, l := range labeler.AllLangs() {
		if !slices.Contains(order, l) {
			order = append(order, l)
		}
	}
	p.order = order
	for l, c := range p.checks {
		c.Checked = slices.Contains(langs, l)
		c.Refresh()
	}
	p.rebuild()
}

// langs are the checked languages, top to bottom.
func (p *langPicker) langs() []labeler.Lang {
	var out []labeler.Lang
	for _, l := range p.order {
		if p.checks[l].Checked {
			out = append(out, l)
		}
	}
	return out
}

// move shifts the language at index i by delta rows.
func (p *langPicker) move(i, delta int) {
	j := i + delta
	if j < 0 || j >= len(p.order) {
		return
	}
	p.order[i], p.order[j] = p.order[j], p.order[i]
	p.rebuild()
	p.checked(true)
}

func (p *langPicker) rebuild() {
	p.box.Objects = nil
	for i, l := range p.order {
		up := &widget.Button{Icon: theme.MoveUpIcon(), Importance: widget.LowImportance, OnTapped: func() { p.move(i, -1) }}
		down := &widget.Button{Icon: theme.MoveDownIcon(), Importance: widget.LowImportance, OnTapped: func() { p.move(i, 1) }}
		if i == 0 {
			up.Disable()
		}
		if i == len(p.order)-1 {
			down.Disable()
		}
		p.box.Add(container.NewBorder(nil, nil, nil, container.NewHBox(up, down), p.checks[l]))
	}
	p.box.Refresh()
}

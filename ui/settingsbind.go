package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/belgi-kz/belgi/labeler"
)

// The panel lays its widgets out by hand; what a widget accepts (a
// slider's range and step, a choice's values) and what it means (its
// hint) come from labeler.Settings, named here by setting name.

// setting finds a setting the window binds. Every name used in ui is
// checked by TestWidgetsBindRealSettings, so a miss is a programming error.
func setting(name string) labeler.Setting {
	st, ok := labeler.LookupSetting(name)
	if !ok {
		panic("ui: no setting " + name)
	}
	return st
}

// slider spans the setting's range in its steps.
func slider(name string) *widget.Slider {
	st := setting(name)
	return &widget.Slider{Min: st.Range.Min, Max: st.Range.Max, Step: st.Step}
}

// choices are a setting's allowed values and their names in the
// interface, in the table's order.
type choices struct {
	values, names []string
}

// newChoices names each of the setting's values with name(value).
func newChoices(setting labeler.Setting, name func(string) string) choices {
	c := choices{values: setting.Choices}
	for _, v := range c.values {
		c.names = append(c.names, name(v))
	}
	return c
}

// index of value v; 0 (the first) when v is not a choice.
func (c choices) index(v string) int { return max(0, slices.Index(c.values, v)) }

// valueOf the named choice, or the first one.
func (c choices) valueOf(name string) string { return c.values[max(0, slices.Index(c.names, name))] }

// hint is a small "?" beside a widget; tapped, it shows the setting's help
// in the interface language.
func (p *settingsPanel) hint(name string) *widget.Button {
	help := setting(name).Help.In(p.tr.lang())
	b := &widget.Button{Icon: theme.QuestionIcon(), Importance: widget.LowImportance}
	b.OnTapped = func() { showHint(b, help) }
	p.hints[name] = b
	return b
}

// showHint pops the text up under at, right-aligned with it, wrapped to
// a readable width.
func showHint(at fyne.CanvasObject, text string) {
	c := fyne.CurrentApp().Driver().CanvasForObject(at)
	if c == nil {
		return
	}
	const width = 320
	l := &widget.Label{Text: text, Wrapping: fyne.TextWrapWord}
	l.MinSize() // a label wraps to its width once it is rendered
	l.Resize(fyne.NewSize(width, 0))
	box := container.NewGridWrap(fyne.NewSize(width, l.MinSize().Height), l)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(at)
	widget.ShowPopUpAtPosition(box, c, pos.Add(fyne.NewPos(at.Size().Width-width, at.Size().Height)))
}

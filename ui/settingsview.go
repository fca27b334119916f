package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// object lays the settings out in sections, top to bottom, in the order
// people decide: what the label says, where it goes, where copies go.
func (p *settingsPanel) object(app fyne.CanvasObject) fyne.CanvasObject {
	box := container.NewVBox(
		p.sectionTitle("Rules"),
		p.extra.rulesBox(p.errs, p.hint),
		widget.NewSeparator(),
		p.sectionTitle("Label text"),
		p.langs.box, p.errs["lang"],
		p.ai, withHint(p.person, p.hint("person")),
		p.extra.styleBox(p.errs, p.hint),
		widget.NewAccordion(widget.NewAccordionItem(p.tr.L("Own wording"), p.customBox)),
		widget.NewSeparator(),
		p.sectionTitle("AI system"),
		p.extra.systemBox(p.errs, p.hint),
		widget.NewSeparator(),
		p.sectionTitle("Placement"),
		p.placement(),
		widget.NewSeparator(),
		p.sectionTitle("Video"),
		p.media.videoBox(p.errs, p.hint),
		widget.NewSeparator(),
		p.sectionTitle("Audio"),
		p.media.audioBox(p.errs, p.hint),
		widget.NewSeparator(),
		p.sectionTitle("Output"),
		p.output(),
		widget.NewSeparator(),
		p.sectionTitle("Ledger"),
		p.ledger.box(p.errs, p.hint),
		widget.NewSeparator(),
		p.sectionTitle("Content Credentials (C2PA)"),
		p.c2pa.box(p.errs), p.errs[""],
		widget.NewSeparator(),
		app,
	)
	return container.NewVScroll(container.NewPadded(box))
}

// placement: the position grid beside the size and box controls.
func (p *settingsPanel) placement() fyne.CanvasObject {
	grid := container.NewGridWrap(fyne.NewSize(132, 132), p.position.frame)
	sliders := container.NewVBox(
		withHint(labelled(p.tr.L("Text size"), p.sizeValue), p.hint("size")), p.size, p.errs["size"],
		withHint(labelled(p.tr.L("Box opacity"), p.opacValue), p.hint("opacity")), p.opacity, p.errs["opacity"],
		withHint(p.auto, p.hint("auto-contrast")),
	)
	return container.NewBorder(nil, nil, container.NewVBox(grid, withHint(p.position.auto, p.hint("position")), p.errs["position"]), nil, sliders)
}

// output: the folder (with a way back to the default) and what to do
// with copies that exist already.
func (p *settingsPanel) output() fyne.CanvasObject {
	choose := &widget.Button{Text: p.tr.L("Choose…"), Icon: theme.FolderOpenIcon(), OnTapped: p.chooseOut}
	folder := container.NewBorder(nil, nil, nil, container.NewHBox(p.outClear, choose), p.outDir)
	return container.NewVBox(folder, p.errs["out"], withHint(p.overwrite, p.hint("overwrite")))
}

// labelled is a caption with its current value on the right.
func labelled(caption string, value *widget.Label) fyne.CanvasObject {
	value.Alignment = fyne.TextAlignTrailing
	return container.NewBorder(nil, nil, widget.NewLabel(caption), nil, value)
}

// withHint puts a setting's "?" at the right of its widget.
func withHint(w fyne.CanvasObject, hint *widget.Button) fyne.CanvasObject {
	return container.NewBorder(nil, nil, nil, hint, w)
}

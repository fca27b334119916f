package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// statusBar is the line at the bottom: a short message when idle; the
// overall progress, the current file and Cancel during an export.
type statusBar struct {
	message  *widget.Label
	progress *widget.ProgressBar
	current  *widget.Label
	cancel   *widget.Button
	busy     *fyne.Container
}

func newStatusBar(tr *translator, cancel func()) *statusBar {
	b := &statusBar{
		message:  &widget.Label{Truncation: fyne.TextTruncateEllipsis},
		progress: &widget.ProgressBar{Max: 1},
		current:  &widget.Label{Truncation: fyne.TextTruncateEllipsis},
		cancel:   &widget.Button{Text: tr.L("Cancel"), Icon: theme.CancelIcon(), OnTapped: cancel},
	}
	bar := container.NewGridWrap(fyne.NewSize(320, b.progress.MinSize().Height), b.progress)
	b.busy = container.NewBorder(nil, nil, bar, b.cancel, b.current)
	b.busy.Hide()
	return b
}

func (b *statusBar) object() fyne.CanvasObject {
	return container.NewVBox(widget.NewSeparator(),
		container.NewPadded(container.NewStack(b.message, b.busy)))
}

// idle shows msg in place of the progress.
func (b *statusBar) idle(msg string) {
	b.busy.Hide()
	b.message.SetText(msg)
	b.message.Show()
}

// working shows the progress of an export.
func (b *statusBar) working(fraction float64, current string) {
	b.message.Hide()
	b.busy.Show()
	b.cancel.Enable()
	b.progress.SetValue(fraction)
	b.current.SetText(current)
}

// cancelling says the export is stopping.
func (b *statusBar) cancelling(msg string) {
	b.cancel.Disable()
	b.current.SetText(msg)
}

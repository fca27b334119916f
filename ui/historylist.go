package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/belgi-kz/belgi/labeler/ledger"
)

// The batch list: one row per batch, newest first: when and by whom,
// then its totals.

func (h *historyView) count() int { return len(h.batches) }

func (h *historyView) createItem() fyne.CanvasObject {
	title := &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
	totals := &widget.Label{Truncation: fyne.TextTruncateEllipsis}
	return container.NewVBox(title, totals)
}

func (h *historyView) updateItem(i widget.ListItemID, o fyne.CanvasObject) {
	box := o.(*fyne.Container)
	b := h.batches[i]
	box.Objects[0].(*widget.Label).SetText(b.Start.Local().Format("2006-01-02 15:04") + " · " + b.Operator)
	box.Objects[1].(*widget.Label).SetText(h.totals(b))
}

// totals is a batch's counts in the interface language.
func (h *historyView) totals(b ledger.Batch) string {
	return h.u.tr.L("Labeled: {{.OK}} · skipped: {{.Skipped}} · failed: {{.Failed}}",
		map[string]any{"OK": b.Labeled, "Skipped": b.Skipped, "Failed": b.Failed})
}

// selectBatch shows the batch's files and what it was labeled with.
func (h *historyView) selectBatch(i widget.ListItemID) {
	if i < 0 || i >= len(h.batches) {
		return
	}
	h.selected = i
	b := h.batches[i]
	h.files.show(b.Records)
	h.status.SetText(h.u.tr.L("Batch {{.ID}} · {{.Tool}} · profile {{.Profile}} · {{.Spec}}",
		map[string]any{"ID": b.ID, "Tool": b.Tool, "Profile": b.Profile, "Spec": b.Spec}))
}

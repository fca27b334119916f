package ui

import (
	"fmt"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2/dialog"
	"github.com/belgi-kz/belgi/labeler/ledger"
)

// chooseReport asks where to save the report: HTML by default, CSV when
// the name ends in .csv.
func (h *historyView) chooseReport() {
	name := "belgi-report-" + time.Now().Format("2006-01-02") + ".html"
	h.u.dialogs.pickSave(h.u.tr.L("Export report…"), name, h.win, h.exportTo)
}

// exportTo writes the report of the whole ledger, verified afresh, in
// the interface language, off the UI goroutine.
func (h *historyView) exportTo(path string) {
	h.status.SetText(h.u.tr.L("Writing the report…"))
	ledgerPath, lang := h.path, h.u.tr.lang()
	h.u.bridge.start(func() {
		r, err := ledger.NewReport(ledgerPath, ledger.Options{Outputs: true}, lang)
		if err == nil {
			err = r.WriteFile(path, ledger.FormatOf(path))
		}
		h.u.bridge.post(func() { h.exported(path, err) })
	})
}

func (h *historyView) exported(path string, err error) {
	if err != nil {
		h.status.SetText("")
		dialog.ShowError(fmt.Errorf("%s\n\n%w", h.u.tr.L("The report could not be written."), err), h.win)
		return
	}
	h.status.SetText(h.u.tr.L("Report saved: {{.Name}}", map[string]any{"Name": filepath.Base(path)}))
}

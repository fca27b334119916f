package ui

import (
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/belgi-kz/belgi/labeler/ledger"
)

// historyFiles is the table of one batch's files: result, original,
// labeled copy, layers, and the reason or error.
type historyFiles struct {
	tr     *translator
	table  *widget.Table
	titles []string
	recs   []ledger.Record
}

// columnWidths of the table, in the order of titles.
var columnWidths = []float32{100, 190, 300, 140, 76, 300}

func newHistoryFiles(tr *translator) *historyFiles {
	f := &historyFiles{tr: tr, titles: []string{tr.L("Result"), tr.L("Original"), tr.L("Labeled copy"),
		tr.L("Layers"), tr.L("Time"), tr.L("Reason or error")}}
	f.table = &widget.Table{
		Length:       func() (int, int) { return len(f.recs), len(f.titles) },
		CreateCell:   newCellLabel,
		UpdateCell:   f.updateCell,
		CreateHeader: newCellLabel,
		UpdateHeader: f.updateHeader,
	}
	f.table.ShowHeaderRow = true
	f.table.ExtendBaseWidget(f.table)
	for i, w := range columnWidths {
		f.table.SetColumnWidth(i, w)
	}
	return f
}

func newCellLabel() fyne.CanvasObject {
	return &widget.Label{Truncation: fyne.TextTruncateEllipsis}
}

// show fills the table with a batch's records (nil empties it).
func (f *historyFiles) show(recs []ledger.Record) {
	f.recs = recs
	f.table.Refresh()
	f.table.ScrollToTop()
}

func (f *historyFiles) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	l.TextStyle = fyne.TextStyle{Bold: true}
	if id.Col >= 0 && id.Col < len(f.titles) {
		l.SetText(f.titles[id.Col])
	}
}

func (f *historyFiles) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if id.Row >= len(f.recs) {
		return
	}
	l.Importance = widget.MediumImportance
	text := f.cell(f.recs[id.Row], id.Col)
	if id.Col == 0 {
		l.Importance = recordImportance(f.recs[id.Row].Status)
	}
	l.SetText(text)
}

// cell is one column of a record, as the table shows it.
func (f *historyFiles) cell(r ledger.Record, col int) string {
	switch col {
	case 0:
		return f.statusName(r.Status)
	case 1:
		return filepath.Base(r.Input)
	case 2:
		if r.Status == "ok" {
			return homeRelative(r.Output)
		}
		return ""
	case 3:
		return strings.Join(r.Layers, ", ")
	case 4:
		return r.Time.Local().Format("15:04:05")
	}
	return r.Reason + r.Error
}

func (f *historyFiles) statusName(s string) string {
	switch s {
	case "ok":
		return f.tr.L("labeled")
	case "skipped":
		return f.tr.L("skipped")
	}
	return f.tr.L("failed")
}

func recordImportance(s string) widget.Importance {
	switch s {
	case "ok":
		return widget.SuccessImportance
	case "skipped":
		return widget.LowImportance
	}
	return widget.DangerImportance
}

// homeRelative shortens a path under the home folder to "~/...", as
// people read their own files.
func homeRelative(p string) string {
	home, err := os.UserHomeDir()
	if rel, ok := strings.CutPrefix(p, home+string(filepath.Separator)); err == nil && home != "" && ok {
		return "~" + string(filepath.Separator) + rel
	}
	return p
}

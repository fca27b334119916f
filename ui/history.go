package ui

import (
	"errors"
	"io/fs"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/belgi-kz/belgi/labeler/ledger"
)

// historyView is the History window: the batches the app's ledger holds,
// newest first, the files of the one selected, and whether the ledger
// still verifies (no line edited, removed or reordered; outputs as they
// were labeled). Reading and verifying run off the UI goroutine.
type historyView struct {
	u       *App
	win     fyne.Window
	path    string
	icon    *widget.Icon
	verdict *widget.Label
	detail  *widget.Label
	status  *widget.Label
	list    *widget.List
	files   *historyFiles
	exprt   *widget.Button
	again   *widget.Button

	batches  []ledger.Batch // newest first
	selected int
}

// showHistory opens the History window, or brings it forward and
// checks the ledger again.
func (u *App) showHistory() {
	if h := u.history; h != nil {
		h.win.RequestFocus()
		h.reload()
		return
	}
	h := newHistoryView(u)
	u.history = h
	h.win.SetOnClosed(func() { u.history = nil })
	h.win.Show()
	h.reload()
}

func newHistoryView(u *App) *historyView {
	h := &historyView{
		u:        u,
		win:      u.fyne.NewWindow(u.tr.L("History") + " — Belgi"),
		path:     u.ledgerPath(),
		icon:     widget.NewIcon(theme.HistoryIcon()),
		verdict:  &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis},
		detail:   &widget.Label{}, // lines of its own; truncation would keep only the first
		status:   &widget.Label{Truncation: fyne.TextTruncateEllipsis},
		files:    newHistoryFiles(u.tr),
		selected: -1,
	}
	h.list = &widget.List{Length: h.count, CreateItem: h.createItem, UpdateItem: h.updateItem, OnSelected: h.selectBatch}
	h.list.ExtendBaseWidget(h.list)
	h.exprt = &widget.Button{Text: u.tr.L("Export report…"), Icon: theme.DocumentSaveIcon(), Importance: widget.HighImportance, OnTapped: h.chooseReport}
	h.again = &widget.Button{Text: u.tr.L("Check again"), Icon: theme.ViewRefreshIcon(), OnTapped: h.reload}
	h.win.SetContent(h.layout())
	h.win.Resize(fyne.NewSize(1260, 720))
	return h
}

// layout: the verdict on top, batches beside their files, actions below.
func (h *historyView) layout() fyne.CanvasObject {
	icon := container.NewGridWrap(fyne.NewSquareSize(40), h.icon)
	top := container.NewVBox(container.NewBorder(nil, nil, container.NewCenter(icon), nil, container.NewVBox(h.verdict, h.detail)), widget.NewSeparator())
	split := container.NewHSplit(h.list, h.files.table)
	split.Offset = 0.24
	bottom := container.NewBorder(nil, nil, nil, container.NewHBox(h.again, h.exprt), h.status)
	return container.NewPadded(container.NewBorder(top, bottom, nil, nil, split))
}

// reload reads and verifies the ledger again.
func (h *historyView) reload() {
	h.verdict.SetText(h.u.tr.L("Checking the ledger…"))
	h.detail.SetText(h.path)
	h.again.Disable()
	path := h.path
	h.u.bridge.start(func() {
		recs, rerr := ledger.Read(path)
		v, verr := ledger.Verify(path, ledger.Options{Outputs: true})
		h.u.bridge.post(func() { h.loaded(recs, v, errors.Join(rerr, verr)) })
	})
}

// loaded shows what reload found.
func (h *historyView) loaded(recs []ledger.Record, v ledger.Verification, err error) {
	h.again.Enable()
	h.batches = ledger.Batches(recs)
	slices.Reverse(h.batches)
	h.list.UnselectAll()
	h.list.Refresh()
	h.files.show(nil)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		h.verdict.SetText(h.u.tr.L("No exports recorded yet."))
		h.detail.SetText(h.u.tr.L("Every export is recorded here: what was labeled, how, by whom and when."))
	case err != nil:
		h.verdict.SetText(h.u.tr.L("The ledger cannot be read: {{.Err}}", map[string]any{"Err": err.Error()}))
	default:
		h.showVerdict(v)
	}
	h.win.Content().Refresh() // the verdict's lines may have grown: lay out again
	h.exprt.Disable()
	if len(h.batches) > 0 {
		h.exprt.Enable()
		h.list.Select(0)
	}
}

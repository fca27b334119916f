package ui

import (
	"net/url"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/belgi-kz/belgi/labeler"
)

// summary is the one message an export ends with: how many files were
// labeled, skipped and failed, the reasons, and the way to the output.
type summary struct {
	u                        *App
	labeled, skipped, failed int
	failures, skips          []string // "name: reason"
	folder                   string   // where the labeled copies are
	dialog                   *dialog.CustomDialog
}

func newSummary(u *App, results []labeler.Result) *summary {
	s := &summary{u: u, folder: u.spec.Out.Dir}
	for _, r := range results {
		switch r.Status {
		case labeler.StatusOK:
			s.labeled++
			if s.folder == "" {
				s.folder = filepath.Dir(r.Output)
			}
		case labeler.StatusSkipped:
			s.skipped++
			s.skips = append(s.skips, filepath.Base(r.Input)+": "+r.Reason)
		default:
			s.failed++
			stage, cause := failure(r.Err)
			s.failures = append(s.failures, filepath.Base(r.Input)+": "+failureText(u.tr, stage, cause))
		}
	}
	return s
}

// line is the summary in one line, for the status bar.
func (s *summary) line() string {
	return s.u.tr.L("Labeled: {{.OK}} · skipped: {{.Skipped}} · failed: {{.Failed}}",
		map[string]any{"OK": s.labeled, "Skipped": s.skipped, "Failed": s.failed})
}

func (s *summary) show() {
	tr := s.u.tr
	head := &widget.Label{Text: s.line(), TextStyle: fyne.TextStyle{Bold: true}}
	body := container.NewVBox(head)
	if len(s.failures)+len(s.skips) > 0 {
		list := container.NewVBox()
		for _, p := range s.failures {
			list.Add(&widget.Label{Text: p, Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance})
		}
		for _, p := range s.skips {
			list.Add(&widget.Label{Text: p, Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance})
		}
		scroll := container.NewVScroll(list)
		scroll.SetMinSize(fyne.NewSize(560, min(240, list.MinSize().Height)))
		body.Add(scroll)
	}
	open := &widget.Button{Text: tr.L("Open output folder"), Icon: theme.FolderOpenIcon(),
		Importance: widget.HighImportance, OnTapped: s.openFolder}
	if s.labeled == 0 {
		open.Disable()
	}
	s.dialog = dialog.NewCustomWithoutButtons(tr.L("Export finished"), body, s.u.win)
	closeBtn := &widget.Button{Text: tr.L("Close"), OnTapped: s.dialog.Hide}
	s.dialog.SetButtons([]fyne.CanvasObject{closeBtn, open})
	s.dialog.Show()
}

// openFolder shows the labeled copies in the system's file manager.
func (s *summary) openFolder() {
	if s.folder == "" {
		return
	}
	u := &url.URL{Scheme: "file", Path: filepath.ToSlash(s.folder)}
	if err := s.u.fyne.OpenURL(u); err != nil {
		fyne.LogError("ui: open output folder", err)
	}
	s.dialog.Hide()
}

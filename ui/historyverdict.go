package ui

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/belgi-kz/belgi/labeler/ledger"
)

// showVerdict says whether the ledger verifies, then how the labeled
// copies on disk compare with what was recorded.
func (h *historyView) showVerdict(v ledger.Verification) {
	tr := h.u.tr
	if p := v.Problem; p != nil {
		h.verdict.Importance = widget.DangerImportance
		h.icon.SetResource(theme.NewErrorThemedResource(theme.ErrorIcon()))
		h.verdict.SetText(tr.L("The ledger was changed after it was written (line {{.Line}}).", map[string]any{"Line": p.Line}))
	} else {
		h.verdict.Importance = widget.MediumImportance // the icon carries the colour; green text reads poorly
		h.icon.SetResource(theme.NewSuccessThemedResource(theme.ConfirmIcon()))
		if len(v.Changed) > 0 {
			h.verdict.Importance = widget.WarningImportance
			h.icon.SetResource(theme.NewWarningThemedResource(theme.WarningIcon()))
		}
		h.verdict.SetText(tr.L("The ledger is intact: {{.N}} records, none edited, removed or reordered.", map[string]any{"N": v.Records}))
	}
	var lines []string
	if v.Problem != nil {
		lines = append(lines, v.Problem.What)
	}
	lines = append(lines, tr.L("Labeled copies on disk: {{.Checked}} checked, {{.Changed}} changed since labeling, {{.Missing}} no longer there.",
		map[string]any{"Checked": v.Checked, "Changed": len(v.Changed), "Missing": len(v.Missing)}))
	for i, c := range v.Changed {
		if i == 3 {
			lines = append(lines, "…")
			break
		}
		lines = append(lines, tr.L("Changed since labeling: {{.Name}}", map[string]any{"Name": filepath.Base(c.Output)}))
	}
	lines = append(lines, tr.L("Ledger: {{.Path}}", map[string]any{"Path": homeRelative(h.path)}))
	h.detail.SetText(strings.Join(lines, "\n"))
}

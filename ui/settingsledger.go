package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/ledger"
)

// ledgerSettings: who the ledger records as labeling, whether a ledger
// also goes beside the outputs, and how much memory an export may use.
type ledgerSettings struct {
	tr       *translator
	operator *widget.Entry
	beside   *widget.Check
	memory   *widget.Select
	budgets  []int // MiB, in the order of memory's options; 0 automatic
}

// memoryChoices are the budgets offered, MiB; 0 is automatic.
var memoryChoices = []int{0, 1024, 2048, 4096, 8192, 16384}

func newLedgerSettings(tr *translator) *ledgerSettings {
	return &ledgerSettings{
		tr:       tr,
		operator: &widget.Entry{PlaceHolder: ledger.LoginName()},
		beside:   widget.NewCheck(tr.L("Also keep a ledger in each output folder"), nil),
		memory:   widget.NewSelect(nil, nil),
	}
}

// wire connects the widgets once they are filled.
func (l *ledgerSettings) wire(changed func()) {
	l.operator.OnChanged = func(string) { changed() }
	l.beside.OnChanged = func(bool) { changed() }
	l.memory.OnChanged = func(string) { changed() }
}

// set shows s; a budget set elsewhere (the CLI's value in the
// preferences) joins the choices.
func (l *ledgerSettings) set(s labeler.Spec) {
	l.operator.SetText(s.Ledger.Operator)
	l.beside.SetChecked(s.Ledger.BesideOutput)
	l.budgets = slices.Clone(memoryChoices)
	if !slices.Contains(l.budgets, s.MemoryBudgetMB) {
		l.budgets = append(l.budgets, s.MemoryBudgetMB)
	}
	names := make([]string, len(l.budgets))
	for i, mb := range l.budgets {
		names[i] = l.budgetName(mb)
	}
	l.memory.SetOptions(names)
	l.memory.SetSelectedIndex(slices.Index(l.budgets, s.MemoryBudgetMB))
}

// read puts the widgets' values into s.
func (l *ledgerSettings) read(s *labeler.Spec) {
	s.Ledger.Operator = strings.TrimSpace(l.operator.Text)
	s.Ledger.BesideOutput = l.beside.Checked
	if i := l.memory.SelectedIndex(); i >= 0 && i < len(l.budgets) {
		s.MemoryBudgetMB = l.budgets[i]
	}
}

// budgetName names a budget: "Automatic (6 GiB: half the memory)", "2 GiB".
func (l *ledgerSettings) budgetName(mb int) string {
	if mb == 0 {
		gib := float64(labeler.MemoryBudget(labeler.Spec{})) / (1 << 30)
		return l.tr.L("Automatic ({{.Size}}: half the memory)", map[string]any{"Size": fmt.Sprintf("%.3g GiB", gib)})
	}
	if mb%1024 == 0 {
		return fmt.Sprintf("%d GiB", mb/1024)
	}
	return fmt.Sprintf("%d MiB", mb)
}

// box lays the widgets out with their hints and problem lines.
func (l *ledgerSettings) box(errs map[string]*widget.Label, hint func(string) *widget.Button) fyne.CanvasObject {
	form := widget.NewForm(
		widget.NewFormItem(l.tr.L("Operator"), withHint(l.operator, hint("operator"))),
		widget.NewFormItem(l.tr.L("Memory"), withHint(l.memory, hint("max-memory"))),
	)
	return container.NewVBox(form, errs["operator"], errs["max-memory"], withHint(l.beside, hint("ledger-beside")))
}

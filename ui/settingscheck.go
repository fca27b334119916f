package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/belgi-kz/belgi/labeler"
)

// errSlots says where each setting's problems show: the line right under
// its widget. Settings sharing a widget share a line; settings with no
// widget in the window report on the last line (""), named by their help.
func errSlots() [][]string {
	return [][]string{
		{"profile"}, {"lang"}, {"style"}, {"text-kk"}, {"text-ru"}, {"text-en"}, {"ai-system"}, {"ai-version"},
		{"ai-provider"}, {"prompt-writer"}, {"position"}, {"size"}, {"opacity"}, {"out"},
		{"video-badge", "video-badge-seconds"}, {"crf"}, {"notice-every"}, {"c2pa-key"}, {"c2pa-chain"}, {"c2pa-trust"},
		{"operator"}, {"max-memory"}, {""},
	}
}

// newErrLabels makes one hidden line per slot.
func newErrLabels() map[string]*widget.Label {
	errs := map[string]*widget.Label{}
	for _, slot := range errSlots() {
		l := &widget.Label{Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord}
		l.Hide()
		for _, name := range slot {
			errs[name] = l
		}
	}
	return errs
}

// problems explains, by setting name and in the interface language,
// every value that can't be used: the core's rules (Spec.Problems), then
// what only the window knows, such as a typed text that is not a number.
// Empty when the spec is ready to export.
func (p *settingsPanel) problems(s labeler.Spec) map[string][]string {
	out := map[string][]string{}
	l := p.tr.lang()
	for _, pr := range s.Problems() {
		msg := pr.Sentence(l)
		if _, placed := p.errs[pr.Setting]; !placed {
			msg = setting(pr.Setting).Help.In(l) + " " + msg
		}
		out[pr.Setting] = append(out[pr.Setting], msg)
	}
	p.media.parseProblems(out)
	p.c2pa.problems(s, out)
	return out
}

// check shows each problem under its widget and reports whether the spec
// is ready.
func (p *settingsPanel) check() bool {
	probs := p.problems(p.spec)
	shown := map[*widget.Label][]string{}
	for _, st := range labeler.Settings() {
		l, placed := p.errs[st.Name]
		if !placed {
			l = p.errs[""]
		}
		shown[l] = append(shown[l], probs[st.Name]...)
	}
	for _, l := range p.errs {
		if msgs := shown[l]; len(msgs) > 0 {
			l.SetText(strings.Join(msgs, "\n"))
			l.Show()
		} else {
			l.Hide()
		}
	}
	return len(probs) == 0
}

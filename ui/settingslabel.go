package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/belgi-kz/belgi/labeler"
)

// labelExtras are the label settings beside the wording: the rule set
// (profile) with its source in a sentence, the style of the picture's
// label, and the AI system the metadata names.
type labelExtras struct {
	tr       *translator
	profile  *widget.Select
	profiles choices
	about    *widget.Label
	style    *widget.Select
	styles   choices
	system   *widget.SelectEntry // offers the systems used recently
	version  *widget.Entry
	provider *widget.Entry
	writer   *widget.Entry
}

func newLabelExtras(tr *translator) *labelExtras {
	x := &labelExtras{
		tr:       tr,
		about:    &widget.Label{Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText},
		system:   widget.NewSelectEntry(nil),
		version:  &widget.Entry{PlaceHolder: tr.L("for example 7")},
		provider: &widget.Entry{PlaceHolder: tr.L("for example Midjourney, Inc.")},
		writer:   &widget.Entry{PlaceHolder: tr.L("optional")},
	}
	x.system.PlaceHolder = tr.L("for example Midjourney")
	x.profiles = newChoices(setting("profile"), x.profileTitle)
	x.profile = widget.NewSelect(x.profiles.names, nil)
	x.styles = newChoices(setting("style"), x.styleName)
	x.style = widget.NewSelect(x.styles.names, nil)
	return x
}

// profileTitle names a profile by its jurisdiction and rule.
func (x *labelExtras) profileTitle(name string) string {
	if p, err := labeler.LookupProfile(name); err == nil {
		return p.Title.In(x.tr.lang())
	}
	return name
}

// styleName names a style in the interface.
func (x *labelExtras) styleName(v string) string {
	switch labeler.Style(v) {
	case labeler.StyleFull:
		return x.tr.L("Full sentences")
	case labeler.StyleMark:
		return x.tr.L("Mark only (thumbnails)")
	case labeler.StyleCustom:
		return x.tr.L("Own text")
	}
	return x.tr.L("Compact: the AI mark and a word")
}

// wire connects the widgets once they are filled; choosing a profile
// goes to profileChosen, which sets the profile's defaults.
func (x *labelExtras) wire(changed func(), profileChosen func(string)) {
	x.profile.OnChanged = func(string) { profileChosen(x.profiles.valueOf(x.profile.Selected)) }
	x.style.OnChanged = func(string) { changed() }
	for _, e := range []*widget.Entry{&x.system.Entry, x.version, x.provider, x.writer} {
		e.OnChanged = func(string) { changed() }
	}
}

// set fills the widgets from s; the caller keeps changes quiet.
func (x *labelExtras) set(s labeler.Spec, recent []string) {
	x.profile.SetSelected(x.profiles.names[x.profiles.index(setting("profile").Value.Text(&s))])
	x.style.SetSelected(x.styles.names[x.styles.index(string(s.Style))])
	x.system.SetOptions(recent)
	x.system.SetText(s.AISystem.Name)
	x.version.SetText(s.AISystem.Version)
	x.provider.SetText(s.AISystem.Provider)
	x.writer.SetText(s.AISystem.PromptWriter)
	x.showAbout(s.Profile)
}

// read writes the widgets into s (the profile is applied by set).
func (x *labelExtras) read(s *labeler.Spec) {
	s.Style = labeler.Style(x.styles.valueOf(x.style.Selected))
	s.AISystem = labeler.AISystem{
		Name: strings.TrimSpace(x.system.Text), Version: strings.TrimSpace(x.version.Text),
		Provider: strings.TrimSpace(x.provider.Text), PromptWriter: strings.TrimSpace(x.writer.Text),
	}
}

// showAbout says in a sentence what the profile's source asks.
func (x *labelExtras) showAbout(name string) {
	if p, err := labeler.LookupProfile(name); err == nil {
		x.about.SetText(p.Sentence(x.tr.lang()))
	}
}

// rulesBox: the profile and its source.
func (x *labelExtras) rulesBox(errs map[string]*widget.Label, hint func(string) *widget.Button) fyne.CanvasObject {
	return container.NewVBox(withHint(x.profile, hint("profile")), x.about, errs["profile"])
}

// styleBox: what the picture's label shows.
func (x *labelExtras) styleBox(errs map[string]*widget.Label, hint func(string) *widget.Button) fyne.CanvasObject {
	return container.NewVBox(withHint(x.style, hint("style")), errs["style"])
}

// systemBox: the AI system, as the metadata will name it, in a form so
// the fields line up; their problems show under it.
func (x *labelExtras) systemBox(errs map[string]*widget.Label, hint func(string) *widget.Button) fyne.CanvasObject {
	form := widget.NewForm(
		widget.NewFormItem(x.tr.L("System"), withHint(x.system, hint("ai-system"))),
		widget.NewFormItem(x.tr.L("Version"), withHint(x.version, hint("ai-version"))),
		widget.NewFormItem(x.tr.L("Provider"), withHint(x.provider, hint("ai-provider"))),
		widget.NewFormItem(x.tr.L("Prompt by"), withHint(x.writer, hint("prompt-writer"))))
	return container.NewVBox(form, errs["ai-system"], errs["ai-version"], errs["ai-provider"], errs["prompt-writer"])
}

// remember offers the AI systems named in recent exports.
func (p *settingsPanel) remember(recent []string) {
	p.recent = recent
	p.extra.system.SetOptions(recent)
}

package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/belgi-kz/belgi/labeler"
)

// appSection is the part of the settings about the app itself: its
// language and look, and the way back to the defaults.
func (u *App) appSection() fyne.CanvasObject {
	p := u.fyne.Preferences()
	langNames := []string{u.tr.L("System language")}
	for _, l := range labeler.AllLangs() {
		langNames = append(langNames, l.NativeName())
	}
	uiLang := widget.NewSelect(langNames, nil)
	uiLang.SetSelectedIndex(indexOf(interfaceLangs(), p.String(prefUILang)))
	uiLang.OnChanged = func(string) { u.setInterfaceLang(interfaceLangs()[uiLang.SelectedIndex()]) }

	modes := []string{"", appearanceLight, appearanceDark}
	look := widget.NewSelect([]string{u.tr.L("System appearance"), u.tr.L("Light"), u.tr.L("Dark")}, nil)
	look.SetSelectedIndex(indexOf(modes, p.String(prefAppearance)))
	look.OnChanged = func(string) { u.setAppearance(modes[look.SelectedIndex()]) }

	reset := &widget.Button{Text: u.tr.L("Reset to defaults"), Icon: theme.HistoryIcon(), OnTapped: u.resetSettings}
	return container.NewVBox(
		u.settings.sectionTitle("App"),
		widget.NewForm(widget.NewFormItem(u.tr.L("Language"), uiLang), widget.NewFormItem(u.tr.L("Look"), look)),
		container.NewHBox(reset),
	)
}

// setInterfaceLang stores the choice and rebuilds the window in it; an
// export in progress keeps its widgets until it ends.
func (u *App) setInterfaceLang(choice string) {
	u.fyne.Preferences().SetString(prefUILang, choice)
	if u.job != nil {
		return
	}
	u.tr = newTranslator(choice)
	u.build()
}

func (u *App) setAppearance(mode string) {
	u.fyne.Preferences().SetString(prefAppearance, mode)
	u.fyne.Settings().SetTheme(newTheme(mode))
}

// resetSettings puts every label setting back to Belgi's defaults.
func (u *App) resetSettings() {
	u.settings.set(labeler.DefaultSpec())
	u.specChanged(labeler.DefaultSpec())
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return 0
}

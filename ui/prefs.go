package ui

import (
	"fyne.io/fyne/v2"
	"github.com/belgi-kz/belgi/labeler"
)

// Preference keys of the app itself. The label settings' keys live in
// labeler.Settings (Setting.Pref): they are part of the app's stored
// state, and renaming one forgets what users chose.
const (
	prefUILang     = "ui.lang"
	prefAppearance = "ui.appearance"
)

// loadSpec reads every setting that has a preference key on top of
// labeler.DefaultSpec; anything never stored keeps its default.
func loadSpec(p fyne.Preferences) labeler.Spec {
	s := labeler.DefaultSpec()
	for _, st := range labeler.Settings() {
		if st.Pref != "" {
			loadSetting(p, st, &s)
		}
	}
	return s
}

// loadSetting reads one preference with the type it was stored with:
// numbers and switches as such, everything else as its text form.
func loadSetting(p fyne.Preferences, st labeler.Setting, s *labeler.Spec) {
	switch v := st.Value.(type) {
	case labeler.Field[bool]:
		*v(s) = p.BoolWithFallback(st.Pref, *v(s))
	case labeler.Field[int]:
		*v(s) = p.IntWithFallback(st.Pref, *v(s))
	case labeler.Field[float64]:
		*v(s) = p.FloatWithFallback(st.Pref, *v(s))
	default:
		if err := v.Set(s, p.StringWithFallback(st.Pref, v.Text(s))); err != nil {
			fyne.LogError("ui: stored setting "+st.Pref, err)
		}
	}
}

// saveSpec stores what loadSpec reads.
func saveSpec(p fyne.Preferences, s labeler.Spec) {
	for _, st := range labeler.Settings() {
		if st.Pref == "" {
			continue
		}
		switch v := st.Value.(type) {
		case labeler.Field[bool]:
			p.SetBool(st.Pref, *v(&s))
		case labeler.Field[int]:
			p.SetInt(st.Pref, *v(&s))
		case labeler.Field[float64]:
			p.SetFloat(st.Pref, *v(&s))
		default:
			p.SetString(st.Pref, v.Text(&s))
		}
	}
}

package ui

import (
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/belgi-kz/belgi/labeler"
)

// custom is a spec that differs from the default in every field the
// window edits.
func custom(outDir string) labeler.Spec {
	s := labeler.DefaultSpec()
	s.Langs = []labeler.Lang{labeler.English, labeler.Kazakh}
	s.AI = labeler.Modified
	s.RealPerson = true
	s.Custom = map[labeler.Lang]string{labeler.English: "Made by a model"}
	s.Position = labeler.TopLeft
	s.Size = 7.5
	s.Box.Opacity = 0.5
	s.Box.AutoContrast = false
	s.Out = labeler.Output{Dir: outDir, Overwrite: true}
	s.Video.BadgeMode, s.Video.BadgeSeconds = labeler.BadgeStart, 7.5
	s.Video.Slate = true
	s.Video.CRF = 23
	s.Audio.AtEnd = true
	s.Audio.EveryMinutes = 15
	s.Audio.Cue = true
	s.C2PA = labeler.C2PASpec{Off: true, Key: "/n/signer.key", Chain: "/n/chain.pem"}
	return s
}

func TestSettingsMapOntoSpecAndBack(t *testing.T) {
	u, _ := newTestUI(t)
	want := custom(t.TempDir())
	u.settings.set(want)
	if got := u.settings.read(); !reflect.DeepEqual(got, want) {
		t.Fatalf("widgets read back as\n%+v\nwant\n%+v", got, want)
	}
	if got := u.settings.langs.langs(); !reflect.DeepEqual(got, want.Langs) {
		t.Errorf("language order %v, want %v", got, want.Langs)
	}
}

func TestSettingsPersist(t *testing.T) {
	a := test.NewTempApp(t)
	want := custom(t.TempDir())
	saveSpec(a.Preferences(), want)
	if got := loadSpec(a.Preferences()); !reflect.DeepEqual(got, want) {
		t.Fatalf("loaded\n%+v\nwant\n%+v", got, want)
	}
	u := New(a, nil)
	if !reflect.DeepEqual(u.spec, want) || u.settings.position.value != labeler.TopLeft {
		t.Fatalf("a new window should start from the stored settings, got %+v", u.spec)
	}
}

func TestWidgetChangesReachSpecAndPreferences(t *testing.T) {
	u, _ := newTestUI(t)
	test.Tap(u.settings.position.cells[0])
	u.settings.size.SetValue(9)
	u.settings.langs.checks[labeler.English].SetChecked(true)
	u.settings.langs.move(2, -1) // English up twice, to the top
	u.settings.langs.move(1, -1)
	if u.spec.Position != labeler.TopLeft || u.spec.Size != 9 {
		t.Fatalf("spec = %s %g, want top-left 9", u.spec.Position, u.spec.Size)
	}
	if want := []labeler.Lang{labeler.English, labeler.Kazakh, labeler.Russian}; !reflect.DeepEqual(u.spec.Langs, want) {
		t.Errorf("langs %v, want %v", u.spec.Langs, want)
	}
	stored := loadSpec(u.fyne.Preferences())
	if stored.Position != labeler.TopLeft || stored.Size != 9 || len(stored.Langs) != 3 {
		t.Errorf("preferences hold %s %g %v", stored.Position, stored.Size, stored.Langs)
	}
}

func TestInvalidValuesExplainedNextToField(t *testing.T) {
	u, l := newTestUI(t)
	addAndWait(t, u, l, 1, writePhoto(t, t.TempDir(), "a.jpg", 64, 48, 1))
	for _, lang := range labeler.AllLangs() {
		u.settings.langs.checks[lang].SetChecked(false)
	}
	if e := u.settings.errs["lang"]; !e.Visible() || e.Text == "" {
		t.Error("no languages: the error under the languages should say so")
	}
	if !u.exptBtn.Disabled() {
		t.Error("Export should be disabled while a setting is invalid")
	}
	u.settings.langs.checks[labeler.Kazakh].SetChecked(true)
	long := make([]rune, 250)
	for i := range long {
		long[i] = 'ә'
	}
	u.settings.custom[labeler.Kazakh].SetText(string(long))
	if e := u.settings.errs["text-kk"]; !e.Visible() {
		t.Error("a 250-character wording should be explained under the wording")
	}
	if u.settings.errs["lang"].Visible() {
		t.Error("the languages error should go once a language is chosen")
	}
}

func TestResetToDefaults(t *testing.T) {
	u, _ := newTestUI(t)
	u.settings.set(custom(""))
	u.specChanged(u.settings.read())
	u.resetSettings()
	if !reflect.DeepEqual(u.spec, labeler.DefaultSpec()) {
		t.Fatalf("after reset: %+v", u.spec)
	}
	if got := loadSpec(u.fyne.Preferences()); !reflect.DeepEqual(got, labeler.DefaultSpec()) {
		t.Errorf("stored after reset: %+v", got)
	}
}

func TestMediaSettingsReachSpec(t *testing.T) {
	u, _ := newTestUI(t)
	m := u.settings.media
	if !m.badgeSecs.Disabled() || !m.every.Disabled() {
		t.Error("the seconds and minutes entries should wait for their choice")
	}
	m.badge.SetSelectedIndex(1)
	m.badgeSecs.SetText("3,5")
	m.slate.SetChecked(true)
	m.crf.SetValue(28)
	m.atEnd.SetChecked(true)
	m.repeat.SetChecked(true) // offers 10 minutes
	m.cue.SetChecked(true)
	v, a := u.spec.Video, u.spec.Audio
	if v.BadgeMode != labeler.BadgeStart || v.BadgeSeconds != 3.5 || !v.Slate || v.CRF != 28 {
		t.Errorf("video spec %+v", v)
	}
	if !a.AtEnd || a.EveryMinutes != defaultEvery || !a.Cue {
		t.Errorf("audio spec %+v", a)
	}
	if stored := loadSpec(u.fyne.Preferences()); !reflect.DeepEqual(stored.Video, v) || !reflect.DeepEqual(stored.Audio, a) {
		t.Errorf("stored %+v %+v", stored.Video, stored.Audio)
	}
	m.repeat.SetChecked(false)
	if u.spec.Audio.EveryMinutes != 0 {
		t.Errorf("repeats off, yet every %g minutes", u.spec.Audio.EveryMinutes)
	}
}

func TestMediaSettingsExplainedNextToField(t *testing.T) {
	u, _ := newTestUI(t)
	m, errs := u.settings.media, u.settings.errs
	m.badge.SetSelectedIndex(1)
	for _, tc := range []struct{ text, want string }{
		{"1", "at least 2 s"},
		{"five", "in seconds"},
	} {
		m.badgeSecs.SetText(tc.text)
		if e := errs["video-badge"]; !e.Visible() || !strings.Contains(e.Text, tc.want) {
			t.Errorf("badge %q: error %q (visible %v), want it to say %q", tc.text, e.Text, e.Visible(), tc.want)
		}
		if !u.exptBtn.Disabled() {
			t.Errorf("badge %q: Export should be disabled", tc.text)
		}
	}
	m.badgeSecs.SetText("6")
	if errs["video-badge"].Visible() || u.spec.Video.BadgeSeconds != 6 {
		t.Errorf("6 s is fine: error %q, spec %g", errs["video-badge"].Text, u.spec.Video.BadgeSeconds)
	}
	m.repeat.SetChecked(true)
	for _, text := range []string{"500", "0.5", "soon"} {
		m.every.SetText(text)
		if !errs["notice-every"].Visible() {
			t.Errorf("every %q minutes should be explained under the field", text)
		}
	}
	u.resetSettings()
	if errs["video-badge"].Visible() || errs["notice-every"].Visible() || m.badge.SelectedIndex() != 0 || m.repeat.Checked {
		t.Error("reset should bring back the defaults without errors")
	}
}

package ui

import (
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/belgi-kz/belgi/labeler"
)

// Every setting name the window binds is one the table declares, and the
// widgets take their limits from it.
func TestWidgetsBindRealSettings(t *testing.T) {
	u, _ := newTestUI(t)
	p := u.settings
	for name := range p.errs {
		if _, ok := labeler.LookupSetting(name); !ok && name != "" {
			t.Errorf("errSlots names %q, which is no setting", name)
		}
	}
	for name := range p.hints {
		if _, ok := labeler.LookupSetting(name); !ok {
			t.Errorf("a hint names %q, which is no setting", name)
		}
	}
	for name, s := range map[string]*widget.Slider{"size": p.size, "opacity": p.opacity, "crf": p.media.crf} {
		st := setting(name)
		if s.Min != st.Range.Min || s.Max != st.Range.Max || s.Step != st.Step {
			t.Errorf("%s slider %g–%g step %g, table %+v step %g", name, s.Min, s.Max, s.Step, *st.Range, st.Step)
		}
	}
	if !reflect.DeepEqual(p.media.modes.values, setting("video-badge").Choices) || len(p.ai.Options) != len(setting("ai").Choices) {
		t.Errorf("choices %v %v do not follow the table", p.media.modes.values, p.ai.Options)
	}
}

// The stored keys are the ones earlier versions wrote, so people's
// choices survive the table.
func TestPreferenceKeysAreKept(t *testing.T) {
	keys := map[string]bool{}
	for _, st := range labeler.Settings() {
		keys[st.Pref] = true
	}
	for _, k := range strings.Fields(`label.langs label.ai label.realPerson label.custom.kk label.custom.ru label.custom.en
		label.position label.size label.opacity label.autoContrast video.badge video.badgeSeconds video.slate video.crf
		audio.atEnd audio.everyMinutes audio.cue output.dir output.overwrite c2pa.off c2pa.key c2pa.chain`) {
		if !keys[k] {
			t.Errorf("preference %q is no longer read: users would lose it", k)
		}
	}
}

// Every setting with a preference key survives being stored, and keeps
// the stored type (a float stays a float).
func TestEverySettingRoundTripsThroughPreferences(t *testing.T) {
	a := test.NewTempApp(t)
	for _, st := range labeler.Settings() {
		if st.Pref == "" {
			continue
		}
		want := labeler.DefaultSpec()
		if err := st.Value.Set(&want, st.Example()); err != nil {
			t.Fatal(err)
		}
		saveSpec(a.Preferences(), want)
		if got := loadSpec(a.Preferences()); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: stored %q, loaded %q", st.Pref, st.Value.Text(&want), st.Value.Text(&got))
		}
		saveSpec(a.Preferences(), labeler.DefaultSpec())
	}
	a.Preferences().SetFloat("label.size", 7.5) // as version 1 stored it
	if got := loadSpec(a.Preferences()).Size; got != 7.5 {
		t.Errorf("a size stored as a float reads back as %g", got)
	}
}

// A size the profile does not allow is explained under the size slider,
// in Kazakh when the interface speaks Kazakh.
func TestKazakhProblemBesideSizeWidget(t *testing.T) {
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefUILang, "kk")
	u := New(a, nil)
	s := labeler.DefaultSpec()
	s.Profile = "cn" // needs 5 %
	u.settings.set(s)
	u.settings.size.SetValue(3)
	e := u.settings.errs["size"]
	if want := "cn профилі кемінде 5 % талап етеді."; !e.Visible() || e.Text != want {
		t.Errorf("under the size: %q (visible %v), want %q", e.Text, e.Visible(), want)
	}
	if len(u.settings.problems(u.spec)) == 0 || u.settings.errs["lang"].Visible() {
		t.Error("the size problem should block export and show only under the size")
	}
	u.settings.size.SetValue(6)
	if e.Visible() {
		t.Errorf("6 %% is fine for cn, yet %q shows", e.Text)
	}
}

// The "?" beside a widget shows the table's help in the interface language.
func TestHintShowsHelpInInterfaceLanguage(t *testing.T) {
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefUILang, "ru")
	u := New(a, nil)
	test.Tap(u.settings.hints["size"])
	overlay := u.win.Canvas().Overlays().Top()
	if overlay == nil {
		t.Fatal("no hint popped up")
	}
	want := setting("size").Help.Ru
	found := false
	for _, o := range test.LaidOutObjects(overlay) {
		if l, ok := o.(*widget.Label); ok && l.Text == want {
			found = true
		}
	}
	if !found {
		t.Errorf("the hint does not show %q", want)
	}
}

package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/belgi-kz/belgi/labeler"
)

// Choosing a profile sets its defaults in the widgets and the spec, and
// says in a sentence what its source asks.
func TestProfileSelectorAppliesDefaults(t *testing.T) {
	u, _ := newTestUI(t)
	x := u.settings.extra
	if !strings.Contains(x.about.Text, "230-VIII") {
		t.Errorf("kz source sentence: %q", x.about.Text)
	}
	eu, _ := labeler.LookupProfile("eu")
	x.profile.SetSelected(eu.Title.En)
	if u.spec.Profile != "eu" || labeler.JoinLangs(u.spec.Langs) != "en" || u.spec.Position != labeler.TopRight || u.spec.Audio.EveryMinutes != 5 {
		t.Errorf("after choosing eu: profile %s langs %v position %s every %g", u.spec.Profile, u.spec.Langs, u.spec.Position, u.spec.Audio.EveryMinutes)
	}
	if u.settings.position.value != labeler.TopRight || !strings.Contains(x.about.Text, "AI GENERATED") {
		t.Errorf("widgets: position %s, about %q", u.settings.position.value, x.about.Text)
	}
	if got := loadSpec(u.fyne.Preferences()); got.Profile != "eu" {
		t.Errorf("stored profile %q", got.Profile)
	}
	usca, _ := labeler.LookupProfile("us-ca")
	x.profile.SetSelected(usca.Title.En)
	if l := u.settings.errs["ai-system"]; !l.Visible() || !strings.Contains(l.Text, "us-ca") {
		t.Errorf("us-ca without an AI system: the field says %q", l.Text)
	}
}

// The style and the AI system go into the spec; an export remembers the
// system and offers it next time.
func TestStyleAndAISystem(t *testing.T) {
	u, l := newTestUI(t)
	x := u.settings.extra
	x.style.SetSelected(x.styleName(string(labeler.StyleMark)))
	test.Type(&x.system.Entry, "Midjourney")
	test.Type(x.version, "7")
	if u.spec.Style != labeler.StyleMark || u.spec.AISystem.Name != "Midjourney" || u.spec.AISystem.Version != "7" {
		t.Fatalf("spec style %s, AI system %+v", u.spec.Style, u.spec.AISystem)
	}
	addAndWait(t, u, l, 1, writePhoto(t, t.TempDir(), "a.jpg", 300, 200, 1))
	u.spec.Out.Dir = t.TempDir()
	u.export()
	l.until(t, "the export", func() bool { return u.job == nil })
	if got := recentAISystems(u.fyne.Preferences()); !slices.Equal(got, []string{"Midjourney"}) || !slices.Equal(u.settings.recent, got) {
		t.Errorf("recent systems %v, offered %v", got, u.settings.recent)
	}
}

func TestRememberAISystem(t *testing.T) {
	u, _ := newTestUI(t)
	p := u.fyne.Preferences()
	for _, n := range []string{"A", "B", "a", " ", "C", "D", "E", "F", "G", "H", "I"} {
		rememberAISystem(p, n)
	}
	if got := recentAISystems(p); strings.Join(got, "") != "IHGFEDCa" {
		t.Errorf("recent %v, want newest first, once each, at most %d", got, recentAIMax)
	}
}

// Automatic placement is the default; tapping a cell makes it a choice,
// and ticking Automatic gives it back.
func TestPositionAutomatic(t *testing.T) {
	u, _ := newTestUI(t)
	pp := u.settings.position
	if !pp.auto.Checked || u.spec.Position != labeler.Auto {
		t.Fatalf("default: auto %v, position %s", pp.auto.Checked, u.spec.Position)
	}
	test.Tap(pp.cells[8])
	if pp.auto.Checked || u.spec.Position != labeler.BottomRight {
		t.Errorf("after tapping bottom-right: auto %v, position %s", pp.auto.Checked, u.spec.Position)
	}
	test.Tap(pp.auto)
	if u.spec.Position != labeler.Auto {
		t.Errorf("after ticking Automatic: %s", u.spec.Position)
	}
}

// The caption under a picture says how much of it the label covers.
func TestPreviewCaptionShowsArea(t *testing.T) {
	u, l := newTestUI(t)
	addAndWait(t, u, l, 1, writePhoto(t, t.TempDir(), "lake.jpg", 1200, 800, 3))
	shown(t, u, l)
	if c := u.preview.caption.Text; !strings.Contains(c, "high, 5.") || !strings.Contains(c, "% of the picture") {
		t.Errorf("caption %q", c)
	}
}

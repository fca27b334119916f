package labeler_test

import (
	"slices"
	"testing"
	"time"

	"github.com/belgi-kz/belgi/labeler"
)

// Every profile says where its rules come from, in every interface
// language, and what it enforces.
func TestProfilesCiteTheirSources(t *testing.T) {
	ps := labeler.Profiles()
	if ps[0].Name != "kz" || labeler.DefaultSpec().Profile != "kz" {
		t.Fatalf("kz must come first and be the default")
	}
	for _, p := range ps {
		if p.Source.Citation == "" || p.Title.En == "" || p.Title.Kk == "" || p.Title.Ru == "" {
			t.Errorf("%s: no citation or title", p.Name)
		}
		if _, err := time.Parse(time.DateOnly, p.Source.Date); err != nil {
			t.Errorf("%s: source date %q: %v", p.Name, p.Source.Date, err)
		}
		for _, l := range labeler.AllLangs() {
			if s := p.Sentence(l); len(s) < 40 || (l != labeler.English && s == p.Sentence(labeler.English)) {
				t.Errorf("%s: about in %s is %q", p.Name, l, s)
			}
		}
		if len(p.Enforces()) < 3 {
			t.Errorf("%s enforces only %v", p.Name, p.Enforces())
		}
	}
}

// Selecting a profile sets what it says it sets, and nothing of the
// previous profile stays behind.
func TestProfileDefaults(t *testing.T) {
	cases := []struct {
		name     string
		langs    string
		position labeler.Position
		every    float64
	}{
		{"kz", "kk,ru", labeler.Auto, 0},
		{"eu", "en", labeler.TopRight, 5},
		{"cn", "kk,ru", labeler.Auto, 0},
		{"in", "kk,ru", labeler.Auto, 0},
		{"in-eci", "kk,ru", labeler.TopCenter, 0},
		{"us-ca", "en", labeler.Auto, 0},
	}
	for _, c := range cases {
		s := labeler.DefaultSpec()
		eu, _ := labeler.LookupProfile("eu")
		eu.Apply(&s) // start from another profile's choices
		p, err := labeler.LookupProfile(c.name)
		if err != nil {
			t.Fatal(err)
		}
		p.Apply(&s)
		if s.Profile != c.name || labeler.JoinLangs(s.Langs) != c.langs || s.Position != c.position ||
			s.Audio.EveryMinutes != c.every || s.Style != labeler.StyleCompact || s.Size != 5 {
			t.Errorf("%s: profile %s, langs %s, position %s, notice every %g, style %s, size %g", c.name,
				s.Profile, labeler.JoinLangs(s.Langs), s.Position, s.Audio.EveryMinutes, s.Style, s.Size)
		}
	}
}

// A profile's own defaults pass its rules, except where it needs facts
// only the user knows (us-ca: the AI system).
func TestProfileDefaultsAreValid(t *testing.T) {
	for _, p := range labeler.Profiles() {
		s, err := labeler.SpecFor(p.Name)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, pr := range s.Problems() {
			names = append(names, pr.Setting)
		}
		want := []string(nil)
		if p.NeedsAISystem {
			want = []string{"ai-system", "ai-version", "ai-provider"}
		}
		if !slices.Equal(names, want) {
			t.Errorf("%s defaults: problems with %v, want %v", p.Name, names, want)
		}
	}
}

// Each profile enforces its rules in Validate: a spec breaking one is
// refused with the rule named, under that profile and no other.
func TestProfileRules(t *testing.T) {
	cases := []struct {
		profile, setting string
		rule             labeler.Rule
		edit             func(*labeler.Spec)
	}{
		{"cn", "size", labeler.RuleProfileMin, func(s *labeler.Spec) { s.Size = 4 }},
		{"in", "size", labeler.RuleProfileMin, func(s *labeler.Spec) { s.Size = 4 }},
		{"eu", "lang", labeler.RuleProfileLang, func(s *labeler.Spec) { s.Langs = []labeler.Lang{"kk"} }},
		{"eu", "badge", labeler.RuleProfileOn, func(s *labeler.Spec) { s.ShowMark = false }},
		{"eu", "notice-every", labeler.RuleProfileOn, func(s *labeler.Spec) { s.Audio.EveryMinutes = 0 }},
		{"eu", "video-badge", labeler.RuleEveryFrame, func(s *labeler.Spec) { s.Video.BadgeMode, s.Video.BadgeSeconds = labeler.BadgeStart, 5 }},
		{"in", "style", labeler.RuleProfileChoice, func(s *labeler.Spec) { s.Style = labeler.StyleMark }},
		{"in-eci", "position", labeler.RuleProfileTop, func(s *labeler.Spec) { s.Position = labeler.BottomRight }},
		{"in-eci", "position", labeler.RuleProfileTop, func(s *labeler.Spec) { s.Position = labeler.Auto }},
		{"us-ca", "ai-system", labeler.RuleProfileNeeds, func(s *labeler.Spec) {}},
		{"cn", "video-badge-seconds", labeler.RuleMin, func(s *labeler.Spec) { s.Video.BadgeMode, s.Video.BadgeSeconds = labeler.BadgeStart, 1 }},
	}
	for _, c := range cases {
		s, _ := labeler.SpecFor(c.profile)
		c.edit(&s)
		if ps := s.Problems().For(c.setting); len(ps) == 0 || ps[0].Rule != c.rule {
			t.Errorf("%s: %s problems %v, want %s", c.profile, c.setting, ps, c.rule)
		}
		s.Profile = "kz" // the same values are fine where the rule does not apply
		if ps := s.Problems().For(c.setting); c.rule != labeler.RuleMin && len(ps) > 0 {
			t.Errorf("%s's rule leaks into kz: %v", c.profile, ps)
		}
	}
}

// in-strict, the old name of in-eci, still works on the command line and
// in stored preferences.
func TestProfileAlias(t *testing.T) {
	p, err := labeler.LookupProfile("in-strict")
	if err != nil || p.Name != "in-eci" {
		t.Fatalf("in-strict: %v %v", p.Name, err)
	}
	st, _ := labeler.LookupSetting("profile")
	s := labeler.DefaultSpec()
	if err := st.Value.Set(&s, "in-strict"); err != nil || s.Profile != "in-eci" {
		t.Fatalf("-profile in-strict sets %q (%v)", s.Profile, err)
	}
}

// The eu profile writes its icon texts in capitals; the others as words.
func TestShortWording(t *testing.T) {
	s := labeler.DefaultSpec()
	s.Langs = []labeler.Lang{"kk", "ru", "en"}
	var got []string
	for _, r := range s.Short() {
		got = append(got, r.Mark+" "+r.Word+" / "+r.Phrase)
	}
	want := []string{"ЖИ жасаған / ЖИ жасаған", "ИИ создано / Создано ИИ", "AI generated / AI-generated"}
	if !slices.Equal(got, want) {
		t.Errorf("short wording %q, want %q", got, want)
	}
	eu, _ := labeler.SpecFor("eu")
	eu.AI = labeler.Modified
	if r := eu.Short()[0]; r.Mark+" "+r.Word != "AI MODIFIED" || r.Phrase != "AI MODIFIED" {
		t.Errorf("eu: %+v, want AI MODIFIED", r)
	}
}

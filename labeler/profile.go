package labeler

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// Profile is the rule set of one jurisdiction, read from its adopted
// text: what a label must do there, the defaults selecting it sets, and
// the source it comes from. Profiles are data (profiles.json), so a new
// rule set needs no code unless it asks for a new kind of rule.
type Profile struct {
	Name string `json:"name"`
	// Aliases are older names still accepted (in-strict for in-eci), so
	// scripts keep working.
	Aliases []string `json:"aliases,omitempty"`
	// Title names the jurisdiction and the rule, short enough for a menu.
	Title  Help   `json:"title"`
	Source Source `json:"source"`
	// About says in a sentence or two, per interface language, what the
	// source asks; the app shows it under the profile selector.
	About Help `json:"about"`
	// Defaults are the label settings selecting the profile sets.
	Defaults ProfileDefaults `json:"defaults,omitzero"`

	// MinSize is the smallest cap height allowed, % of the shorter side.
	MinSize float64 `json:"min_size"`
	// MinArea, when > 0, is the share of the frame (%) the label box must
	// cover at least.
	MinArea float64 `json:"min_area,omitempty"`
	// VideoMinSeconds is how long a video badge must show at least; 0
	// means on every frame.
	VideoMinSeconds float64 `json:"video_min_seconds"`
	// Top: the label sits in the frame's top row.
	Top bool `json:"top,omitempty"`
	// NeedsMark: the AI acronym must show (the badge can't be switched off).
	NeedsMark bool `json:"needs_mark,omitempty"`
	// NeedsLang is a label language that must be among the chosen ones
	// (eu: en, for the capital "AI").
	NeedsLang Lang `json:"needs_lang,omitempty"`
	// Capitals writes the compact wording in capitals: "AI GENERATED".
	Capitals bool `json:"capitals,omitempty"`
	// Wording: a picture's label must carry words, not the mark alone.
	Wording bool `json:"wording,omitempty"`
	// NoticeRepeat: long recordings repeat the spoken notice.
	NoticeRepeat bool `json:"notice_repeat,omitempty"`
	// AudioStartShare, when > 0, is the share of a recording (%) from its
	// start that the spoken notice must fill.
	AudioStartShare float64 `json:"audio_start_share,omitempty"`
	// NeedsAISystem: the metadata must name the AI system, its version
	// and its provider.
	NeedsAISystem bool `json:"needs_ai_system,omitempty"`
	// TC260 adds China's TC260 AIGC record to the metadata.
	TC260 bool `json:"tc260,omitempty"`
}

// Source is the text a profile is read from.
type Source struct {
	Citation string `json:"citation"`
	Date     string `json:"date"` // YYYY-MM-DD, as the citation describes it
	URL      string `json:"url,omitempty"`
}

// ProfileDefaults are the settings a profile sets when selected; an
// empty field keeps Belgi's default (DefaultSpec).
type ProfileDefaults struct {
	Langs       []Lang   `json:"langs,omitempty"`
	Style       Style    `json:"style,omitempty"`
	Position    Position `json:"position,omitempty"`
	Size        float64  `json:"size,omitempty"`
	NoticeEvery float64  `json:"notice_every,omitempty"`
}

//go:embed profiles.json
var profilesJSON []byte

var profilesOnce = sync.OnceValue(func() []Profile {
	var ps []Profile
	if err := json.Unmarshal(profilesJSON, &ps); err != nil {
		panic("labeler: profiles.json is broken: " + err.Error())
	}
	return ps
})

// Profiles returns every known profile, kz (the default) first.
func Profiles() []Profile { return slices.Clone(profilesOnce()) }

// LookupProfile finds a profile by name or alias.
func LookupProfile(name string) (Profile, error) {
	var names []string
	for _, p := range profilesOnce() {
		if p.Name == name || slices.Contains(p.Aliases, name) {
			return p, nil
		}
		names = append(names, p.Name)
	}
	return Profile{}, fmt.Errorf("unknown profile %q: use one of %s", name, strings.Join(names, ", "))
}

// Apply selects the profile on s: it sets the settings profiles govern
// (languages, style, position, size, audio reminders) to the profile's
// defaults, or Belgi's where the profile names none, so switching from
// one profile to another leaves nothing of the first behind.
func (p Profile) Apply(s *Spec) {
	def, d := DefaultSpec(), p.Defaults
	s.Profile = p.Name
	s.Langs = slices.Clone(pick(d.Langs, def.Langs, len(d.Langs) > 0))
	s.Style = pick(d.Style, def.Style, d.Style != "")
	s.Position = pick(d.Position, def.Position, d.Position != "")
	s.Size = pick(d.Size, def.Size, d.Size > 0)
	s.Audio.EveryMinutes = pick(d.NoticeEvery, def.Audio.EveryMinutes, d.NoticeEvery > 0)
	if p.NeedsMark {
		s.ShowMark = true
	}
	if p.VideoMinSeconds == 0 {
		s.Video.BadgeMode = BadgeAll
	}
}

func pick[T any](own, fallback T, has bool) T {
	if has {
		return own
	}
	return fallback
}

// SpecFor is DefaultSpec with the named profile applied.
func SpecFor(name string) (Spec, error) {
	p, err := LookupProfile(name)
	s := DefaultSpec()
	if err == nil {
		p.Apply(&s)
	}
	return s, err
}

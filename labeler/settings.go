package labeler

import (
	"math"
	"regexp"
	"slices"
	"sync"
)

//go:generate go run ../internal/settingsdoc -o ../docs/settings.md

// Setting declares one user-facing knob of a Spec, once: its name (the
// CLI flag), where the app stores it, its help in kk/ru/en, the values it
// accepts and the profile rule that constrains it. The CLI's flags, the
// app's preferences and widgets, docs/settings.md and Spec.Validate are
// all derived from Settings(), so a knob is added in one place.
//
// The package doc's "Adding a setting" says how to add one.
type Setting struct {
	// Name is the CLI flag (without "-") and the name Problems use. It
	// never changes once released: scripts depend on it.
	Name    string
	Section Section
	// Pref is the app's preference key ("label.size"); "" when the app
	// does not store the setting. Renaming one forgets users' choices.
	Pref string
	// Value reads and writes the Spec field(s) behind the setting.
	Value Value
	// Flag, when set, replaces Value on the command line for a special
	// syntax ("-video-badge start:N"); preferences still use Value.
	Flag Value
	// Via names the flag that sets this setting when it has none of its
	// own, as the reference shows it ("video-badge start:N"); its last N
	// stands for the value.
	Via  string
	Help Help
	// Unit follows numbers in messages and the reference: "%", "s", ...
	Unit string
	// Range bounds a number; Step is a slider's step.
	Range *Range
	Step  float64
	// Choices are the values allowed (for a list, the items allowed).
	Choices []string
	// MaxLen is the longest text allowed, in characters (0: no limit).
	MaxLen int
	// Pattern is the form a text must have, with PatternDoc naming it and
	// Sample a value of that form (for tests and the reference).
	Pattern    *regexp.Regexp
	PatternDoc string
	Sample     string
	// When, if set, says whether the rules apply at all (the slate's
	// length matters only with a slate).
	When func(s *Spec) bool
	// Profile constrains the value further under the chosen profile.
	Profile *ProfileRule
	// Check holds rules the fields above can't express; CheckDoc
	// describes them in English for the reference.
	Check    func(s *Spec) []Problem
	CheckDoc string
}

// Section groups settings as Spec groups its fields.
type Section string

// The sections, in the order the reference and `label -h` list them.
const (
	SectionLabel  Section = "label"
	SectionOutput Section = "output"
	SectionImage  Section = "image"
	SectionAudio  Section = "audio"
	SectionVideo  Section = "video"
	SectionText   Section = "text"
	SectionC2PA   Section = "c2pa"
)

// Sections lists every section in order.
func Sections() []Section {
	return []Section{SectionLabel, SectionOutput, SectionImage, SectionAudio, SectionVideo, SectionText, SectionC2PA}
}

// Help is a sentence in each interface language.
type Help struct {
	En string `json:"en"`
	Kk string `json:"kk"`
	Ru string `json:"ru"`
}

// In returns the text in l, English when l has none.
func (h Help) In(l Lang) string {
	switch {
	case l == Kazakh && h.Kk != "":
		return h.Kk
	case l == Russian && h.Ru != "":
		return h.Ru
	}
	return h.En
}

// Range bounds a number: Min ≤ v ≤ Max (Max may be +Inf). With OrZero, 0
// is allowed too and means "off" or "automatic".
type Range struct {
	Min, Max float64
	OrZero   bool
}

// atLeast is a range with no upper bound.
func atLeast(min float64) *Range { return &Range{Min: min, Max: math.Inf(1)} }

// ProfileRule is a limit a profile puts on a setting. Check is called
// only when the setting passes its own rules; Doc says in English what
// each profile asks, for the reference.
type ProfileRule struct {
	Doc   string
	Check func(p Profile, s *Spec) (Problem, bool)
}

var settingsOnce = sync.OnceValue(func() []Setting {
	var all []Setting
	for _, table := range [][]Setting{labelSettings(), outputSettings(), ledgerSettings(), imageSettings(),
		audioSettings(), videoSettings(), textSettings(), c2paSettings()} {
		all = append(all, table...)
	}
	return all
})

// Settings returns every setting, section by section.
func Settings() []Setting { return slices.Clone(settingsOnce()) }

// LookupSetting finds a setting by name.
func LookupSetting(name string) (Setting, bool) {
	for _, st := range settingsOnce() {
		if st.Name == name {
			return st, true
		}
	}
	return Setting{}, false
}

// FlagValue is what the command line reads and writes: Flag when the
// setting has a special syntax, else Value.
func (st Setting) FlagValue() Value {
	if st.Flag != nil {
		return st.Flag
	}
	return st.Value
}

// HasFlag reports whether the setting has a CLI flag of its own.
func (st Setting) HasFlag() bool { return st.Via == "" }

// Default is the setting's value in DefaultSpec, as text.
func (st Setting) Default() string {
	s := DefaultSpec()
	return st.FlagValue().Text(&s)
}

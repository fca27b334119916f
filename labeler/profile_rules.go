package labeler

import (
	"fmt"
	"slices"
	"strings"
)

// Profile rules that constrain one setting each (Setting.Profile). The
// numeric floors (size, the video badge's length) are profileMin and
// everyFrame; these are the rest.

// profileWhere is a rule that applies under the profiles where has is
// true and is broken when bad is.
func profileWhere(what string, has func(Profile) bool, rule Rule, bad func(Profile, *Spec) bool) *ProfileRule {
	return &ProfileRule{
		Doc: what + " under " + strings.Join(profilesWhere(has), ", "),
		Check: func(p Profile, s *Spec) (Problem, bool) {
			return Problem{Rule: rule}, has(p) && bad(p, s)
		},
	}
}

func profilesWhere(has func(Profile) bool) []string {
	var out []string
	for _, p := range Profiles() {
		if has(p) {
			out = append(out, p.Name)
		}
	}
	return out
}

// profileTop: the label sits in the top row (in-eci).
func profileTop() *ProfileRule {
	return profileWhere("a top anchor", func(p Profile) bool { return p.Top }, RuleProfileTop,
		func(_ Profile, s *Spec) bool { _, row := s.Position.Grid(); return s.Position == Auto || row != 0 })
}

// profileLang: a language the profile needs is among the chosen (eu: en).
func profileLang() *ProfileRule {
	return &ProfileRule{
		Doc: "must include " + needsLangDoc(),
		Check: func(p Profile, s *Spec) (Problem, bool) {
			bad := p.NeedsLang != "" && !slices.Contains(s.Langs, p.NeedsLang)
			return Problem{Rule: RuleProfileLang, Allowed: []string{string(p.NeedsLang)}}, bad
		},
	}
}

func needsLangDoc() string {
	var parts []string
	for _, p := range Profiles() {
		if p.NeedsLang != "" {
			parts = append(parts, fmt.Sprintf("%s under %s", p.NeedsLang, p.Name))
		}
	}
	return strings.Join(parts, ", ")
}

// profileMark: the AI acronym shows (eu).
func profileMark() *ProfileRule {
	return profileWhere("on", func(p Profile) bool { return p.NeedsMark }, RuleProfileOn,
		func(_ Profile, s *Spec) bool { return !s.ShowMark })
}

// profileWording: words, not the mark alone (in, in-eci: "prominent").
func profileWording() *ProfileRule {
	return &ProfileRule{
		Doc: "not mark under " + strings.Join(profilesWhere(func(p Profile) bool { return p.Wording }), ", "),
		Check: func(p Profile, s *Spec) (Problem, bool) {
			allowed := []string{string(StyleCompact), string(StyleFull), string(StyleCustom)}
			return Problem{Rule: RuleProfileChoice, Allowed: allowed}, p.Wording && s.Style == StyleMark
		},
	}
}

// profileRepeat: long recordings repeat the notice (eu).
func profileRepeat() *ProfileRule {
	return profileWhere("not 0", func(p Profile) bool { return p.NoticeRepeat }, RuleProfileOn,
		func(_ Profile, s *Spec) bool { return s.Audio.EveryMinutes == 0 })
}

// profileNeeds: a text the profile needs filled in (us-ca: the AI system).
func profileNeeds(value func(*Spec) string) *ProfileRule {
	return profileWhere("needed", func(p Profile) bool { return p.NeedsAISystem }, RuleProfileNeeds,
		func(_ Profile, s *Spec) bool { return strings.TrimSpace(value(s)) == "" })
}

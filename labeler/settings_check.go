package labeler

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// Problem is one value a Spec can't be used with: which setting, which
// rule it breaks, and that rule's limits. Message words it in kk, ru or
// en; Error words it in English with the CLI flag.
type Problem struct {
	Setting string // a Setting's Name
	Rule    Rule
	Value   string // the offending value (or list item) as text
	// The rule's limits, as far as it has them.
	Min, Max float64
	Unit     string
	Allowed  []string
	Profile  string
	Length   int // of a text that is too long
}

// Problems is everything wrong with a Spec, in the settings' order. It
// is an error, one problem per line.
type Problems []Problem

// Error implements error: one English line per problem.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// Error words the problem in English, naming the flag as typed:
// `-size 40: must be from 2 to 25 %`.
func (p Problem) Error() string {
	typed := "-" + p.Setting + " " + quoteValue(p.Value)
	if st, ok := LookupSetting(p.Setting); ok && !st.HasFlag() {
		i := strings.LastIndex(st.Via, "N")
		typed = "-" + st.Via[:i] + quoteValue(p.Value) + st.Via[i+1:]
	}
	return typed + ": " + p.Message(English)
}

// For returns the problems of the named setting.
func (ps Problems) For(name string) Problems {
	var out Problems
	for _, p := range ps {
		if p.Setting == name {
			out = append(out, p)
		}
	}
	return out
}

// Problems checks every setting and returns what can't be used; empty
// when the spec is ready.
func (s Spec) Problems() Problems {
	prof, err := LookupProfile(s.Profile)
	var ps Problems
	for _, st := range settingsOnce() {
		ps = append(ps, st.problems(&s, prof, err == nil)...)
	}
	return ps
}

// Validate returns the Problems as an error, or nil when the spec is ready.
func (s Spec) Validate() error {
	if ps := s.Problems(); len(ps) > 0 {
		return ps
	}
	return nil
}

// problems applies the setting's own rules, then (if they pass) the
// profile's, then its Check.
func (st Setting) problems(s *Spec, prof Profile, hasProfile bool) []Problem {
	if st.When != nil && !st.When(s) {
		return nil
	}
	ps := st.ownProblems(s)
	if len(ps) == 0 && hasProfile && st.Profile != nil {
		if p, bad := st.Profile.Check(prof, s); bad {
			p.Profile = prof.Name
			ps = append(ps, p)
		}
	}
	if st.Check != nil {
		ps = append(ps, st.Check(s)...)
	}
	for i := range ps {
		ps[i].Setting = st.Name
		if ps[i].Value == "" {
			ps[i].Value = st.Value.Text(s)
		}
		if ps[i].Unit == "" {
			ps[i].Unit = st.Unit
		}
	}
	return ps
}

// ownProblems checks Range, Choices, MaxLen and Pattern.
func (st Setting) ownProblems(s *Spec) []Problem {
	text := st.Value.Text(s)
	if v, ok := number(st.Value, s); ok && st.Range != nil && !st.Range.holds(v) {
		return []Problem{st.Range.problem()}
	}
	if len(st.Choices) > 0 {
		items := []string{text}
		if st.Value.Type() == TypeList {
			items = strings.Split(text, ",")
		}
		for _, it := range items {
			if it != "" && !slices.Contains(st.Choices, it) {
				return []Problem{{Rule: RuleChoice, Value: it, Allowed: st.Choices}}
			}
		}
	}
	if n := len([]rune(text)); st.MaxLen > 0 && n > st.MaxLen {
		return []Problem{{Rule: RuleTooLong, Max: float64(st.MaxLen), Length: n}}
	}
	if st.Pattern != nil && !st.Pattern.MatchString(text) {
		return []Problem{{Rule: RuleFormat, Allowed: []string{st.PatternDoc}}}
	}
	return nil
}

// holds reports whether v is allowed; NaN never is.
func (r Range) holds(v float64) bool {
	return (v >= r.Min && v <= r.Max) || (r.OrZero && v == 0)
}

func (r Range) problem() Problem {
	p := Problem{Rule: RuleRange, Min: r.Min, Max: r.Max}
	switch {
	case math.IsInf(r.Max, 1):
		p.Rule = RuleMin
	case r.OrZero:
		p.Rule = RuleRangeOrZero
	}
	return p
}

// profileMin is a profile's lower bound on a number, such as the label
// size or the video badge's length.
func profileMin(what string, limit func(Profile) float64, value func(*Spec) float64) *ProfileRule {
	var parts []string
	for _, p := range Profiles() {
		parts = append(parts, fmt.Sprintf("%s %s", p.Name, formatNumber(limit(p))))
	}
	return &ProfileRule{
		Doc: "at least the profile's " + what + ": " + strings.Join(parts, ", "),
		Check: func(p Profile, s *Spec) (Problem, bool) {
			min := limit(p)
			return Problem{Rule: RuleProfileMin, Min: min}, value(s) < min
		},
	}
}

// quoteValue shows a value in an English message, shortened when long.
func quoteValue(v string) string {
	if r := []rune(v); len(r) > 40 {
		v = string(r[:40]) + "…"
	}
	if v == "" || strings.ContainsAny(v, " \t\"") {
		return fmt.Sprintf("%q", v)
	}
	return v
}

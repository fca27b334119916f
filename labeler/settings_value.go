package labeler

import (
	"fmt"
	"strconv"
	"strings"
)

// Value reads and writes a setting on a Spec. Text and Set speak the
// setting's text form (flags, preferences stored as text, the reference);
// the typed Field and Named give the value itself to code that binds a
// widget.
type Value interface {
	Type() ValueType
	Text(s *Spec) string
	Set(s *Spec, text string) error
}

// ValueType is how a value is typed: it picks the flag's form and the
// preference's stored type.
type ValueType string

// The kinds of setting values.
const (
	TypeBool   ValueType = "bool"
	TypeInt    ValueType = "int"
	TypeFloat  ValueType = "number"
	TypeString ValueType = "text"
	TypeList   ValueType = "list" // comma-separated text
)

// Field is a Value kept in one Spec field of a basic type; calling it
// gives the field's address, so a widget can read and write it typed.
type Field[T bool | int | float64 | string] func(*Spec) *T

// field makes a Field, inferring T from the accessor.
func field[T bool | int | float64 | string](at func(*Spec) *T) Field[T] { return Field[T](at) }

// Type implements Value.
func (f Field[T]) Type() ValueType {
	switch any(*new(T)).(type) {
	case bool:
		return TypeBool
	case int:
		return TypeInt
	case float64:
		return TypeFloat
	}
	return TypeString
}

// Text implements Value.
func (f Field[T]) Text(s *Spec) string {
	switch v := any(*f(s)).(type) {
	case bool:
		return strconv.FormatBool(v)
	case int:
		return strconv.Itoa(v)
	case float64:
		return formatNumber(v)
	}
	return any(*f(s)).(string)
}

// Set implements Value.
// Numbers and switches may be typed with spaces around; text (a path)
// is kept as given.
func (f Field[T]) Set(s *Spec, text string) error {
	var v any
	var err error
	switch any(*new(T)).(type) {
	case bool:
		v, err = strconv.ParseBool(strings.TrimSpace(text))
	case int:
		v, err = strconv.Atoi(strings.TrimSpace(text))
	case float64:
		v, err = strconv.ParseFloat(strings.TrimSpace(text), 64)
	default:
		v = text
	}
	if err != nil {
		return fmt.Errorf("%q is not a %s", text, f.Type())
	}
	*f(s) = v.(T)
	return nil
}

// Named is a Value kept in a field of a named string type (Position,
// Involvement). Set lowercases, as people type "Bottom-Right" too.
type Named[T ~string] func(*Spec) *T

// named makes a Named, inferring T from the accessor.
func named[T ~string](at func(*Spec) *T) Named[T] { return Named[T](at) }

// Type implements Value.
func (n Named[T]) Type() ValueType { return TypeString }

// Text implements Value.
func (n Named[T]) Text(s *Spec) string { return string(*n(s)) }

// Set implements Value.
func (n Named[T]) Set(s *Spec, text string) error {
	*n(s) = T(strings.ToLower(strings.TrimSpace(text)))
	return nil
}

// langsValue is Spec.Langs as "kk,ru".
type langsValue struct{}

func (langsValue) Type() ValueType                { return TypeList }
func (langsValue) Text(s *Spec) string            { return JoinLangs(s.Langs) }
func (langsValue) Set(s *Spec, text string) error { s.Langs = ParseLangs(text); return nil }

// customText is one language's entry in Spec.Custom; "" removes it, and
// an empty map becomes nil so that specs compare equal.
type customText Lang

func (customText) Type() ValueType       { return TypeString }
func (c customText) Text(s *Spec) string { return s.Custom[Lang(c)] }

func (c customText) Set(s *Spec, text string) error {
	switch {
	case text != "" && s.Custom == nil:
		s.Custom = map[Lang]string{Lang(c): text}
	case text != "":
		s.Custom[Lang(c)] = text
	default:
		delete(s.Custom, Lang(c))
		if len(s.Custom) == 0 {
			s.Custom = nil
		}
	}
	return nil
}

// videoBadgeFlag is the CLI's one flag for the badge mode and its
// length: "all" or "start:N".
type videoBadgeFlag struct{}

func (videoBadgeFlag) Type() ValueType { return TypeString }

func (videoBadgeFlag) Text(s *Spec) string {
	if s.Video.BadgeMode == BadgeStart {
		return BadgeStart + ":" + formatNumber(s.Video.BadgeSeconds)
	}
	return s.Video.BadgeMode
}

func (videoBadgeFlag) Set(s *Spec, text string) error { return s.Video.ParseVideoBadge(text) }

// Placeholder is the syntax `label -h` shows.
func (videoBadgeFlag) Placeholder() string { return BadgeAll + "|" + BadgeStart + ":N|" + BadgeSlate }

// number reads a numeric setting as a float64.
func number(v Value, s *Spec) (float64, bool) {
	switch f := v.(type) {
	case Field[float64]:
		return *f(s), true
	case Field[int]:
		return float64(*f(s)), true
	}
	return 0, false
}

// formatNumber writes a number the way people type it: 5, 2.5, 0.78.
func formatNumber(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// profileValue is Spec.Profile; Set takes an alias (in-strict) to the
// profile's name (in-eci), so older scripts and stored preferences keep
// working.
type profileValue struct{}

func (profileValue) Type() ValueType { return TypeString }

// Text names an alias's profile, so a Spec built in code with the old
// name passes the choice check too.
func (profileValue) Text(s *Spec) string {
	if p, err := LookupProfile(s.Profile); err == nil {
		return p.Name
	}
	return s.Profile
}

func (profileValue) Set(s *Spec, text string) error {
	s.Profile = strings.ToLower(strings.TrimSpace(text))
	if p, err := LookupProfile(s.Profile); err == nil {
		s.Profile = p.Name
	}
	return nil
}

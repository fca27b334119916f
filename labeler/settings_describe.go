package labeler

import (
	"fmt"
	"math"
	"strings"
)

// Title names the section in English, as `label -h` and the reference
// head its settings.
func (s Section) Title() string {
	switch s {
	case SectionLabel:
		return "Label"
	case SectionOutput:
		return "Output"
	case SectionImage:
		return "Images"
	case SectionAudio:
		return "Audio (and a video's sound)"
	case SectionVideo:
		return "Video"
	case SectionText:
		return "Text and documents"
	case SectionC2PA:
		return "Content Credentials (C2PA)"
	}
	return string(s)
}

// Limits says in English which values the setting accepts, from its
// Range, Choices, MaxLen, Pattern and CheckDoc; "" when any value goes.
func (st Setting) Limits() string {
	var parts []string
	if r := st.Range; r != nil {
		parts = append(parts, r.describe(st.Unit))
	}
	if len(st.Choices) > 0 {
		c := strings.Join(st.Choices, ", ")
		if st.Value.Type() == TypeList {
			c = "comma-separated, from " + c
		}
		parts = append(parts, c)
	}
	if st.MaxLen > 0 {
		parts = append(parts, fmt.Sprintf("up to %d characters", st.MaxLen))
	}
	if st.PatternDoc != "" {
		parts = append(parts, st.PatternDoc)
	}
	if st.CheckDoc != "" {
		parts = append(parts, st.CheckDoc)
	}
	return strings.Join(parts, "; ")
}

func (r Range) describe(unit string) string {
	u := UnitIn(unit, English)
	switch {
	case math.IsInf(r.Max, 1):
		return fmt.Sprintf("at least %s%s", formatNumber(r.Min), u)
	case r.OrZero:
		return "0, or " + r.span() + u
	}
	return r.span() + u
}

// Placeholder is the word `label -h` shows after the flag: "number",
// "list", ...; "" for a switch.
func (st Setting) Placeholder() string {
	switch {
	case st.Value.Type() == TypeBool:
		return ""
	case st.Flag != nil:
		if p, ok := st.Flag.(interface{ Placeholder() string }); ok {
			return p.Placeholder()
		}
		return strings.Join(st.Choices, "|")
	case len(st.Choices) > 0 && st.Value.Type() != TypeList:
		return "choice"
	}
	return string(st.Value.Type())
}

// span is "2–25", or "-40 to -5" where a dash would read as a minus.
func (r Range) span() string {
	if r.Min < 0 {
		return formatNumber(r.Min) + " to " + formatNumber(r.Max)
	}
	return formatNumber(r.Min) + "–" + formatNumber(r.Max)
}

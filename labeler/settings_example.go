package labeler

import (
	"math"
	"slices"
	"strconv"
	"strings"
)

// Example is a value other than the default, in the setting's Value
// text form and within its range and choices. Tests use it to check that
// every setting survives flags and preferences; a Check rule may still
// reject it (a file it names need not exist).
func (st Setting) Example() string {
	s := DefaultSpec()
	def := st.Value.Text(&s)
	switch {
	case st.Value.Type() == TypeBool:
		return strconv.FormatBool(def != "true")
	case st.Value.Type() == TypeList:
		c := slices.Clone(st.Choices)
		slices.Reverse(c)
		return strings.Join(c, ",")
	case len(st.Choices) > 0:
		return otherChoice(st.Choices, def)
	case st.Range != nil:
		return otherNumber(*st.Range, def)
	case st.Sample != "":
		return st.Sample
	}
	return "example-" + st.Name
}

func otherChoice(choices []string, def string) string {
	for _, c := range slices.Backward(choices) {
		if c != def {
			return c
		}
	}
	return def
}

func otherNumber(r Range, def string) string {
	for _, v := range []float64{r.Max, r.Min, r.Min + 1} {
		if t := formatNumber(v); !math.IsInf(v, 0) && t != def {
			return t
		}
	}
	return def
}

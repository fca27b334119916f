package text

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/belgi-kz/belgi/labeler"
)

// Advanced SubStation (.ass) and SubStation Alpha (.ssa) scripts: what
// Aegisub writes, and what styled subtitles for video are usually made
// in. A script is sections of "Key: value" lines; the events section
// names its fields in a Format line, and every Dialogue line gives them
// in that order, Text last (it may hold commas).

// assRecordKey is the [Script Info] line that carries Belgi's record:
// players and editors (libass, Aegisub) keep lines they do not know and
// ignore them.
const assRecordKey = "Belgi: "

var assSectionRE = regexp.MustCompile(`^\s*\[([^\]]+)\]\s*$`)

// assScript is a script split into lines (each with its ending), with
// where the parts Belgi needs are.
type assScript struct {
	lines       []string
	info        int      // the [Script Info] header line
	format      int      // the [Events] Format line, -1 if none
	fields      []string // its field names, lower case
	firstEvent  int      // the first Dialogue line after Format, -1 if none
	firstStyle  string   // the first style's name, "" if none
	recordLines []int    // "Belgi:" lines
}

func parseASS(s string) (assScript, error) {
	a := assScript{info: -1, format: -1, firstEvent: -1}
	section := ""
	for rest := s; rest != ""; {
		line := rest
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			line = rest[:i+1]
		}
		rest = rest[len(line):]
		n := len(a.lines)
		a.lines = append(a.lines, line)
		body := strings.TrimSpace(line)
		if m := assSectionRE.FindStringSubmatch(body); m != nil {
			section = strings.ToLower(strings.TrimSpace(m[1]))
			if section == "script info" && a.info < 0 {
				a.info = n
			}
			continue
		}
		key, value, _ := strings.Cut(body, ":")
		key = strings.ToLower(strings.TrimSpace(key))
		switch {
		case section == "script info" && strings.HasPrefix(body, assRecordKey):
			a.recordLines = append(a.recordLines, n)
		case strings.HasPrefix(section, "v4") && key == "style" && a.firstStyle == "":
			a.firstStyle, _, _ = strings.Cut(strings.TrimSpace(value), ",")
		case section == "events" && key == "format" && a.format < 0:
			a.format = n
			for _, f := range strings.Split(value, ",") {
				a.fields = append(a.fields, strings.ToLower(strings.TrimSpace(f)))
			}
		case section == "events" && key == "dialogue" && a.firstEvent < 0 && a.format >= 0:
			a.firstEvent = n
		}
	}
	switch {
	case a.info < 0:
		return a, errors.New("not an ASS/SSA script: it has no [Script Info] section")
	case a.format < 0 || len(a.fields) == 0 || a.fields[len(a.fields)-1] != "text" ||
		!slices.Contains(a.fields, "start") || !slices.Contains(a.fields, "end"):
		return a, errors.New("the ASS/SSA script has no [Events] Format line with Start, End and (last) Text, so no event can be added")
	}
	return a, nil
}

// labelASS adds Belgi's record to [Script Info] and the notice as the
// first event: from 0 to CueSeconds, at the top centre ({\an8}), in the
// script's first style, so it looks like the programme's own subtitles.
// Every other line keeps its bytes.
func labelASS(s string, spec labeler.Spec, nl string) (string, error) {
	a, err := parseASS(s)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for i, l := range a.lines {
		b.WriteString(l)
		if !strings.HasSuffix(l, "\n") && (i == a.info || i == a.format) {
			b.WriteString(nl)
		}
		switch i {
		case a.info:
			b.WriteString(assRecordKey + Record(spec, layers) + nl)
		case a.format:
			b.WriteString(a.dialogue(spec) + nl)
		}
	}
	return b.String(), nil
}

// dialogue is the notice's event, its fields in the Format line's order.
func (a assScript) dialogue(spec labeler.Spec) string {
	style := a.firstStyle
	if style == "" {
		style = "Default"
	}
	text := `{\an8}` + strings.Join(append(assSafe(spec.Lines()), Tag(spec)), `\N`)
	values := make([]string, len(a.fields))
	for i, f := range a.fields {
		switch f {
		case "layer":
			values[i] = "0"
		case "marked":
			values[i] = "Marked=0"
		case "start":
			values[i] = assTime(0)
		case "end":
			values[i] = assTime(spec.Text.CueSeconds)
		case "style":
			values[i] = style
		case "marginl", "marginr", "marginv":
			values[i] = "0"
		case "text":
			values[i] = text
		}
	}
	return "Dialogue: " + strings.Join(values, ",")
}

// assSafe keeps custom wording from opening override blocks or escapes.
func assSafe(lines []string) []string {
	r := strings.NewReplacer("{", "(", "}", ")", `\`, "/")
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = r.Replace(l)
	}
	return out
}

// assTime is h:mm:ss.cc, the script format's clock (centiseconds).
func assTime(sec float64) string {
	cs := int64(sec*100 + 0.5)
	return fmt.Sprintf("%d:%02d:%02d.%02d", cs/360000, cs/6000%60, cs/100%60, cs%100)
}

// inspectASS reads the record and checks that the first event starts at
// zero and shows notice text above Belgi's tag.
func inspectASS(s string) (Mark, bool, bool) {
	a, err := parseASS(s)
	if err != nil {
		return Mark{}, false, false
	}
	var m Mark
	found := false
	for _, i := range a.recordLines {
		if m, found = ParseRecord(a.lines[i]); found {
			break
		}
	}
	if a.firstEvent < 0 {
		return m, found, false
	}
	start, text := a.event(a.firstEvent)
	lines := strings.Split(text, `\N`)
	_, _, tag := findTag(lines[len(lines)-1])
	notice := start == assTime(0) && tag.DigitalSourceType != "" && len(lines) > 1 &&
		noticeBlock(strings.Join(lines[:len(lines)-1], "\n"))
	return m, found, notice
}

// event is a Dialogue line's start time and text, override blocks
// ({...}) removed.
func (a assScript) event(i int) (start, text string) {
	_, value, _ := strings.Cut(a.lines[i], ":")
	values := strings.SplitN(strings.TrimSpace(value), ",", len(a.fields))
	for j, f := range a.fields {
		if j >= len(values) {
			break
		}
		switch f {
		case "start":
			start = strings.TrimSpace(values[j])
		case "text":
			text = assOverrideRE.ReplaceAllString(values[j], "")
		}
	}
	return start, text
}

var assOverrideRE = regexp.MustCompile(`\{[^}]*\}`)

// assText is a script's event texts, for previews.
func assText(s string) []string {
	a, err := parseASS(s)
	if err != nil {
		return nil
	}
	var out []string
	for i, l := range a.lines {
		if key, _, _ := strings.Cut(strings.TrimSpace(l), ":"); strings.EqualFold(key, "dialogue") && i > a.format {
			_, text := a.event(i)
			out = append(out, strings.Split(text, `\N`)...)
		}
	}
	return out
}

package text

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/belgi-kz/belgi/labeler"
)

// Line roles in a subtitle file.
const (
	roleText = iota
	roleBlank
	roleIndex  // an SRT cue number (or a WebVTT cue id)
	roleTiming // "00:00:01,000 --> 00:00:02,000"
)

// subLine is one line of a subtitle file with its ending, so that writing
// the lines back reproduces the file byte for byte.
type subLine struct {
	raw  string // the line including its "\n" or "\r\n"
	role int
}

var timingRE = regexp.MustCompile(`^\s*(?:\d+:)?\d{1,2}:\d{2}[,.]\d{1,3}\s*-->\s*(?:\d+:)?\d{1,2}:\d{2}[,.]\d{1,3}`)

// parseSubtitles gives each line a role. A timing line starts a cue only
// at the start of a block or right after the cue's number or id; anything
// else that looks like one is cue text.
func parseSubtitles(s string) []subLine {
	var out []subLine
	blockStart := true
	for len(s) > 0 {
		raw := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			raw = s[:i+1]
		}
		s = s[len(raw):]
		l := subLine{raw: raw, role: roleText}
		body := strings.TrimRight(raw, "\r\n")
		prevIndex := len(out) > 0 && out[len(out)-1].role == roleIndex
		switch {
		case strings.TrimSpace(body) == "":
			l.role = roleBlank
		case timingRE.MatchString(body) && (blockStart || prevIndex):
			l.role = roleTiming
		case blockStart && timingRE.MatchString(firstLine(s)):
			l.role = roleIndex
		}
		blockStart = l.role == roleBlank
		out = append(out, l)
	}
	return out
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

func cueCount(lines []subLine) int {
	n := 0
	for _, l := range lines {
		if l.role == roleTiming {
			n++
		}
	}
	return n
}

// labelSRT adds the notice as cue 1, shown at the top ({\an8}) from 0 to
// CueSeconds, and renumbers the other cues; their times are untouched.
func labelSRT(s string, spec labeler.Spec, nl string) (string, error) {
	lines := parseSubtitles(s)
	if cueCount(lines) == 0 {
		return "", errors.New("no subtitle cues found: this is not an SRT file")
	}
	var b strings.Builder
	b.WriteString("1" + nl + "00:00:00,000 --> " + srtTime(spec.Text.CueSeconds) + nl)
	b.WriteString(`{\an8}` + strings.Join(append(spec.Lines(), Tag(spec)), nl) + nl + nl)
	n := 1
	for i, l := range lines {
		switch {
		case l.role == roleIndex:
			n++
			b.WriteString(strconv.Itoa(n) + l.raw[len(strings.TrimRight(l.raw, "\r\n")):])
		case l.role == roleTiming && (i == 0 || lines[i-1].role != roleIndex):
			n++
			b.WriteString(strconv.Itoa(n) + nl + l.raw)
		default:
			b.WriteString(l.raw)
		}
	}
	return b.String(), nil
}

func srtTime(sec float64) string { return clock(sec, ",") }
func vttTime(sec float64) string { return clock(sec, ".") }

func clock(sec float64, sep string) string {
	ms := int64(sec*1000 + 0.5)
	return fmt.Sprintf("%02d:%02d:%02d%s%03d", ms/3600000, ms/60000%60, ms/1000%60, sep, ms%1000)
}

// NoticeCueID names the WebVTT cue that carries the notice.
const NoticeCueID = "belgi-notice"

// labelVTT adds a NOTE with Belgi's record and a notice cue at the top
// (line:0) from 0 to CueSeconds, before the first cue and after the header
// and any STYLE or REGION blocks, which WebVTT requires to come first.
func labelVTT(s string, spec labeler.Spec, nl string) (string, error) {
	if !strings.HasPrefix(s, "WEBVTT") {
		return "", errors.New(`not a WebVTT file: it must start with "WEBVTT"`)
	}
	lines := parseSubtitles(s)
	at, prefix := vttInsertAt(lines, nl)
	var b strings.Builder
	for _, l := range lines[:at] {
		b.WriteString(l.raw)
	}
	b.WriteString(prefix + "NOTE " + Record(spec, layers) + nl + nl)
	b.WriteString(NoticeCueID + nl + "00:00:00.000 --> " + vttTime(spec.Text.CueSeconds) + " line:0" + nl)
	b.WriteString(strings.Join(spec.Lines(), nl) + nl + nl)
	for _, l := range lines[at:] {
		b.WriteString(l.raw)
	}
	return b.String(), nil
}

// vttInsertAt finds the first cue's first line; prefix completes the block
// before it when the file ends without a blank line.
func vttInsertAt(lines []subLine, nl string) (int, string) {
	for i, l := range lines {
		if i > 0 && (l.role == roleTiming || l.role == roleIndex) {
			return i, ""
		}
	}
	prefix := ""
	if n := len(lines); n > 0 && !strings.HasSuffix(lines[n-1].raw, "\n") {
		prefix = nl
	}
	if n := len(lines); n > 0 && lines[n-1].role != roleBlank {
		prefix += nl
	}
	return len(lines), prefix
}

// inspectSRT finds the tag in the first cue, below at least one line of
// notice text: a notice cue moved later or emptied does not count.
func inspectSRT(s string) (Mark, bool, bool) {
	start, _, m := findTag(s)
	if start < 0 {
		return m, false, false
	}
	lines := parseSubtitles(s)
	var text []string
	for _, l := range lines {
		if l.role == roleTiming && text != nil {
			break // the second cue
		}
		if l.role == roleTiming {
			text = []string{}
		} else if l.role == roleText && text != nil {
			text = append(text, l.raw)
		}
	}
	var notice []string
	for _, l := range text {
		if _, _, tm := findTag(l); tm.DigitalSourceType != "" {
			return m, true, len(notice) > 0 && noticeBlock(strings.Join(notice, ""))
		}
		notice = append(notice, l)
	}
	return m, true, false
}

// inspectVTT reads the NOTE record and checks the notice cue has text.
func inspectVTT(s string) (Mark, bool, bool) {
	lines := parseSubtitles(s)
	var m Mark
	var found, notice, sawCue bool
	for i, l := range lines {
		body := strings.TrimRight(l.raw, "\r\n")
		if strings.HasPrefix(body, "NOTE ") && !found {
			m, found = ParseRecord(body)
		}
		if l.role == roleTiming && !sawCue {
			sawCue = true
			notice = i >= 1 && strings.TrimRight(lines[i-1].raw, "\r\n") == NoticeCueID &&
				i+1 < len(lines) && lines[i+1].role == roleText
		}
	}
	return m, found, notice
}

// cueText returns the text lines of a subtitle file, for previews.
func cueText(s string) []string {
	var out []string
	for _, l := range parseSubtitles(s) {
		body := strings.TrimRight(l.raw, "\r\n")
		if l.role == roleText && body != "WEBVTT" && !strings.HasPrefix(body, "NOTE") {
			out = append(out, strings.TrimPrefix(body, `{\an8}`))
		}
	}
	return out
}

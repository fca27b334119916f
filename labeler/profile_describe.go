package labeler

import (
	"fmt"
	"strings"
)

// Enforces lists in English what the profile holds a label to, derived
// from its rules so the list can't drift from what Validate and the
// kinds do.
func (p Profile) Enforces() []string {
	out := []string{"both layers: a perceivable label and machine-readable marks (IPTC digital source type, a unique content ID)"}
	add := func(cond bool, format string, args ...any) {
		if cond {
			out = append(out, fmt.Sprintf(format, args...))
		}
	}
	add(true, "label text cap height at least %s %% of the shorter side", formatNumber(p.MinSize))
	add(p.MinArea > 0, "the label covers at least %s %% of the frame", formatNumber(p.MinArea))
	add(p.Top, "the label at the top of the frame")
	add(p.NeedsMark, "the AI mark shown")
	add(p.NeedsLang != "", "%s among the label languages", p.NeedsLang)
	add(p.Capitals, "compact wording in capitals: AI GENERATED / AI MODIFIED")
	add(p.Wording, "words in the label, not the mark alone")
	add(p.VideoMinSeconds == 0, "video: the badge on every frame")
	add(p.VideoMinSeconds > 0, "video: the badge for at least %s s from the start", formatNumber(p.VideoMinSeconds))
	add(p.NoticeRepeat, "audio: the spoken notice repeated in long recordings")
	add(p.AudioStartShare > 0, "audio: the spoken notice fills the first %s %% of the recording", formatNumber(p.AudioStartShare))
	add(p.NeedsAISystem, "metadata: the AI system, its version and its provider")
	add(p.TC260, "metadata: the TC260 AIGC record (XMP; PNG AIGC text; MP3 TXXX:AIGC; WAV AIGC chunk; MP4 AIGC key)")
	return out
}

// Sets lists in English the settings selecting the profile gives, as
// Apply sets them.
func (p Profile) Sets() []string {
	s := DefaultSpec()
	p.Apply(&s)
	out := []string{
		"lang " + JoinLangs(s.Langs), "style " + string(s.Style), "position " + string(s.Position),
		"size " + formatNumber(s.Size) + " %",
	}
	if s.Audio.EveryMinutes > 0 {
		out = append(out, "notice-every "+formatNumber(s.Audio.EveryMinutes)+" min")
	}
	return out
}

// Sentence is the profile's source as one sentence for the app:
// what it asks, in the interface language.
func (p Profile) Sentence(l Lang) string {
	return strings.TrimSpace(p.About.In(l))
}

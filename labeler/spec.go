package labeler

import (
	"slices"
	"strings"
)

// Lang is a label language: "kk" (Kazakh), "ru" (Russian) or "en" (English).
type Lang string

// The label languages Belgi ships wording for.
const (
	Kazakh  Lang = "kk"
	Russian Lang = "ru"
	English Lang = "en"
)

// Involvement says how much AI took part: it selects the wording and the
// IPTC digital source type.
type Involvement string

// The two kinds of AI involvement the law distinguishes in practice.
const (
	Generated Involvement = "generated" // made by AI
	Modified  Involvement = "modified"  // a real capture changed with AI
)

// Position is one of nine anchors of the label inside the displayed frame,
// or Auto.
type Position string

// The nine anchors, named row-column, and Auto: bottom-right, except on a
// video with subtitle streams, where the player draws the subtitles at the
// bottom and the label moves to the top-right.
const (
	Auto         Position = "auto"
	TopLeft      Position = "top-left"
	TopCenter    Position = "top-center"
	TopRight     Position = "top-right"
	MiddleLeft   Position = "middle-left"
	Center       Position = "center"
	MiddleRight  Position = "middle-right"
	BottomLeft   Position = "bottom-left"
	BottomCenter Position = "bottom-center"
	BottomRight  Position = "bottom-right"
)

// Positions lists the anchors row by row, as a 3×3 picker shows them.
var Positions = []Position{
	TopLeft, TopCenter, TopRight,
	MiddleLeft, Center, MiddleRight,
	BottomLeft, BottomCenter, BottomRight,
}

// Grid returns the anchor's column and row, each 0, 1 or 2; Auto is
// bottom-right.
func (p Position) Grid() (col, row int) {
	for i, q := range Positions {
		if q == p {
			return i % 3, i / 3
		}
	}
	return 2, 2
}

// Resolve is the anchor the label takes in a frame: Auto moves to the
// top-right when the frame's bottom belongs to subtitles; any explicit
// anchor is kept.
func (p Position) Resolve(subtitles bool) Position {
	switch {
	case p != Auto:
		return p
	case subtitles:
		return TopRight
	}
	return BottomRight
}

// Style is what the label in a picture shows.
type Style string

// The label styles. Text notices, the spoken notice, the PDF band, the
// video slate and the metadata always use the full sentences; the style
// decides only what is drawn over a picture or video.
const (
	StyleCompact Style = "compact" // the AI mark, then a word or two per language
	StyleFull    Style = "full"    // the mark and the full sentences
	StyleMark    Style = "mark"    // the mark alone, for thumbnails
	StyleCustom  Style = "custom"  // the mark and the user's own text
)

// Styles lists the styles, the default first.
func Styles() []Style { return []Style{StyleCompact, StyleFull, StyleMark, StyleCustom} }

// AISystem names the AI system that made or changed the content, for the
// metadata (IPTC 2025.1 AI fields, C2PA softwareAgent, California SB 942's
// latent disclosure). Every field is optional unless a profile needs it.
type AISystem struct {
	Name         string // "Midjourney"
	Version      string // "7"
	Provider     string // who offers it: "Midjourney, Inc."
	PromptWriter string // the person who wrote the prompt
}

// Size limits: below 2 % a label stops being perceivable on a phone, above
// 25 % it hides the picture it labels.
const (
	MinSize = 2.0
	MaxSize = 25.0
)

// Box styles the label's background box.
type Box struct {
	// Color is "#RRGGBB"; with AutoContrast it is only a hint.
	Color string
	// Opacity of the box, 0..1. It is raised when needed so that the text
	// keeps a contrast of at least 4.5:1 against the box as composited.
	Opacity float64
	// AutoContrast picks a dark or light box from what lies beneath it.
	AutoContrast bool
}

// Output says where labeled copies go.
type Output struct {
	// Dir is the output folder; empty means "labeled/" beside each input.
	Dir string
	// Overwrite replaces an existing output instead of skipping the file.
	Overwrite bool
	// Relabel labels files that already carry Belgi's label again (a
	// second badge, a second notice); by default they are skipped.
	Relabel bool
}

// Spec is everything that decides how files are labeled. The zero value is
// not useful: start from DefaultSpec.
type Spec struct {
	Langs      []Lang      // label languages, in order
	AI         Involvement // generated or modified
	RealPerson bool        // adds the "synthetic depiction of a real person" line
	// Custom replaces the preset wording of a language (empty: preset).
	Custom   map[Lang]string
	Style    Style // what the picture's label shows
	Position Position
	Size     float64 // cap height of the wording, % of the shorter side
	Margin   float64 // distance from the frame's edges, % of the shorter side
	Box      Box
	ShowMark bool   // show the short mark (ЖИ / ИИ / AI)
	Profile  string // rule set: kz, eu, cn, in, in-eci, us-ca
	AISystem AISystem
	Out      Output

	Image ImageSpec
	Audio AudioSpec
	Video VideoSpec
	Text  TextSpec
	C2PA  C2PASpec

	// Ledger says who is recorded as labeling, and where else to record.
	Ledger LedgerSpec
	// MemoryBudgetMB caps the memory a batch may plan to use, in MiB:
	// files wait for each other rather than push the computer into swap,
	// and a file that alone needs more is refused. 0: half of the RAM.
	MemoryBudgetMB int
}

// ImageSpec holds knobs only images have.
type ImageSpec struct {
	// MaxMegapixels refuses larger images before decoding (decompression
	// bombs). 0 means the default, 200.
	MaxMegapixels float64
	// JPEGQuality forces a JPEG quality 1..100; 0 keeps the source's.
	JPEGQuality int
}

// DefaultSpec is Belgi's default: bilingual Kazakh + Russian, generated,
// the compact label at the automatic anchor (bottom-right), 5 % cap
// height, automatic contrast, the kz profile.
func DefaultSpec() Spec {
	return Spec{
		Langs:    []Lang{Kazakh, Russian},
		AI:       Generated,
		Style:    StyleCompact,
		Position: Auto,
		Size:     5,
		Margin:   2,
		Box:      Box{Color: "#111111", Opacity: 0.78, AutoContrast: true},
		ShowMark: true,
		Profile:  "kz",
		Image:    ImageSpec{MaxMegapixels: 200},
		Audio:    defaultAudioSpec(),
		Video:    defaultVideoSpec(),
		Text:     defaultTextSpec(),
	}
}

// AllLangs lists every label language in Belgi's default order. It is
// the one place the languages are spelled out.
func AllLangs() []Lang { return []Lang{Kazakh, Russian, English} }

// Known reports whether Belgi has wording for the language.
func (l Lang) Known() bool { return slices.Contains(AllLangs(), l) }

// NativeName is the language's name in that language: people look for
// their own language's name, not its translation.
func (l Lang) NativeName() string {
	switch l {
	case Kazakh:
		return "Қазақша"
	case Russian:
		return "Русский"
	case English:
		return "English"
	}
	return string(l)
}

func langCodes() []string {
	var out []string
	for _, l := range AllLangs() {
		out = append(out, string(l))
	}
	return out
}

func positionNames() []string {
	names := []string{string(Auto)}
	for _, p := range Positions {
		names = append(names, string(p))
	}
	return names
}

func styleNames() []string {
	var names []string
	for _, s := range Styles() {
		names = append(names, string(s))
	}
	return names
}

func profileNames() []string {
	var out []string
	for _, p := range Profiles() {
		out = append(out, p.Name)
	}
	return out
}

// JoinLangs writes languages as ParseLangs reads them: "kk,ru".
func JoinLangs(ls []Lang) string {
	parts := make([]string, len(ls))
	for i, l := range ls {
		parts[i] = string(l)
	}
	return strings.Join(parts, ",")
}

// ParseLangs reads a comma-separated list such as "kk,ru".
func ParseLangs(s string) []Lang {
	var out []Lang
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(strings.ToLower(f)); f != "" {
			out = append(out, Lang(f))
		}
	}
	return out
}

package labeler

import (
	"errors"
	"fmt"
	"regexp"
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

// Position is one of nine anchors of the label inside the displayed frame.
type Position string

// The nine anchors, named row-column.
const (
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

// Grid returns the anchor's column and row, each 0, 1 or 2.
func (p Position) Grid() (col, row int) {
	for i, q := range Positions {
		if q == p {
			return i % 3, i / 3
		}
	}
	return 2, 2
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
	Position Position
	Size     float64 // cap height of the wording, % of the shorter side
	Margin   float64 // distance from the frame's edges, % of the shorter side
	Box      Box
	Badge    bool   // show the short mark (ЖИ / ИИ / AI)
	Profile  string // rule set: kz, eu, cn, in-strict
	Out      Output

	Image ImageSpec
	Audio AudioSpec
	Video VideoSpec
	Text  TextSpec
	C2PA  C2PASpec
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
// bottom-right, 5 % cap height, automatic contrast, the kz profile.
func DefaultSpec() Spec {
	return Spec{
		Langs:    []Lang{Kazakh, Russian},
		AI:       Generated,
		Position: BottomRight,
		Size:     5,
		Margin:   2,
		Box:      Box{Color: "#111111", Opacity: 0.78, AutoContrast: true},
		Badge:    true,
		Profile:  "kz",
		Image:    ImageSpec{MaxMegapixels: 200},
		Audio:    defaultAudioSpec(),
		Video:    defaultVideoSpec(),
		Text:     defaultTextSpec(),
	}
}

var hexColor = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// Validate explains, in words a person understands, every value that can't
// be used. It returns nil when the spec is ready.
func (s Spec) Validate() error {
	var errs []error
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if len(s.Langs) == 0 {
		add("choose at least one label language (kk, ru or en)")
	}
	seen := map[Lang]bool{}
	for _, l := range s.Langs {
		if !l.Known() {
			add("unknown label language %q: use kk, ru or en", l)
		}
		if seen[l] {
			add("label language %q is listed twice", l)
		}
		seen[l] = true
	}
	for l, text := range s.Custom {
		if !l.Known() {
			add("custom text for unknown language %q", l)
		}
		if len([]rune(text)) > 200 {
			add("custom %s text is %d characters long: keep it under 200", l, len([]rune(text)))
		}
	}
	if s.AI != Generated && s.AI != Modified {
		add("AI involvement must be %q or %q, not %q", Generated, Modified, s.AI)
	}
	if _, _, ok := s.Position.valid(); !ok {
		add("position %q is not one of %s", s.Position, positionNames())
	}
	p, err := LookupProfile(s.Profile)
	if err != nil {
		errs = append(errs, err)
	}
	switch {
	case s.Size < MinSize || s.Size > MaxSize:
		add("label size %.3g%% is outside %g–%g%% of the shorter side", s.Size, MinSize, MaxSize)
	case err == nil && s.Size < p.MinSize:
		add("profile %s needs a label size of at least %g%%, not %.3g%%", p.Name, p.MinSize, s.Size)
	}
	if s.Margin < 0 || s.Margin > 20 {
		add("margin %.3g%% is outside 0–20%% of the shorter side", s.Margin)
	}
	if !s.Box.AutoContrast && !hexColor.MatchString(s.Box.Color) {
		add("box colour %q is not of the form #RRGGBB", s.Box.Color)
	}
	if s.Box.Opacity < 0 || s.Box.Opacity > 1 {
		add("box opacity %.3g is outside 0–1", s.Box.Opacity)
	}
	if s.Image.MaxMegapixels < 0 {
		add("image size limit %.3g megapixels is negative", s.Image.MaxMegapixels)
	}
	if q := s.Image.JPEGQuality; q < 0 || q > 100 {
		add("JPEG quality %d is outside 1–100 (0 keeps the source's)", q)
	}
	errs = append(errs, s.Audio.validate(), s.Video.validate(s.Profile), s.Text.validate(), s.C2PA.validate())
	return errors.Join(errs...)
}

// Known reports whether Belgi has wording for the language.
func (l Lang) Known() bool { return l == Kazakh || l == Russian || l == English }

func (p Position) valid() (int, int, bool) {
	for i, q := range Positions {
		if q == p {
			return i % 3, i / 3, true
		}
	}
	return 0, 0, false
}

func positionNames() string {
	names := make([]string, len(Positions))
	for i, p := range Positions {
		names[i] = string(p)
	}
	return strings.Join(names, ", ")
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

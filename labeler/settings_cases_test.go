package labeler_test

import (
	"math"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/labeler"
)

type problemCase struct {
	name    string
	edit    func(*labeler.Spec)
	setting string       // "" when the spec is valid
	rule    labeler.Rule // the first rule the setting breaks
	flag    string       // the flag the English line names
}

// problemCases covers every rule and every kind of limit; notDir is a
// file that exists.
func problemCases(notDir string) []problemCase {
	return []problemCase{
		{"defaults", func(*labeler.Spec) {}, "", "", ""},
		{"no languages", func(s *labeler.Spec) { s.Langs = nil }, "lang", labeler.RuleEmpty, "lang"},
		{"unknown language", func(s *labeler.Spec) { s.Langs = []labeler.Lang{"kk", "de"} }, "lang", labeler.RuleChoice, "lang"},
		{"language twice", func(s *labeler.Spec) { s.Langs = []labeler.Lang{"kk", "ru", "kk"} }, "lang", labeler.RuleDuplicate, "lang"},
		{"custom for unknown language", func(s *labeler.Spec) { s.Custom = map[labeler.Lang]string{"de": "x"} }, "lang", labeler.RuleChoice, "lang"},
		{"custom too long", func(s *labeler.Spec) { s.Custom = map[labeler.Lang]string{"kk": strings.Repeat("ә", 201)} }, "text-kk", labeler.RuleTooLong, "text-kk"},
		{"custom for an unchosen language is unused", func(s *labeler.Spec) { s.Custom = map[labeler.Lang]string{"en": strings.Repeat("a", 201)} }, "", "", ""},
		{"custom 200 is fine", func(s *labeler.Spec) { s.Custom = map[labeler.Lang]string{"kk": strings.Repeat("ә", 200)} }, "", "", ""},
		{"ai", func(s *labeler.Spec) { s.AI = "maybe" }, "ai", labeler.RuleChoice, "ai"},
		{"style", func(s *labeler.Spec) { s.Style = "loud" }, "style", labeler.RuleChoice, "style"},
		{"custom style needs text", func(s *labeler.Spec) {
			s.Style, s.Custom = labeler.StyleCustom, map[labeler.Lang]string{"kk": "ЖИ көмегімен"}
		}, "text-ru", labeler.RuleCustomText, "text-ru"},
		{"ai system too long", func(s *labeler.Spec) { s.AISystem.Name = strings.Repeat("x", 101) }, "ai-system", labeler.RuleTooLong, "ai-system"},
		{"position", func(s *labeler.Spec) { s.Position = "upper-left" }, "position", labeler.RuleChoice, "position"},
		{"profile", func(s *labeler.Spec) { s.Profile = "mars" }, "profile", labeler.RuleChoice, "profile"},
		{"size too big", func(s *labeler.Spec) { s.Size = 40 }, "size", labeler.RuleRange, "size"},
		{"size NaN", func(s *labeler.Spec) { s.Size = math.NaN() }, "size", labeler.RuleRange, "size"},
		{"size under profile", func(s *labeler.Spec) { s.Profile, s.Size = "cn", 3 }, "size", labeler.RuleProfileMin, "size"},
		{"margin", func(s *labeler.Spec) { s.Margin = -1 }, "margin", labeler.RuleRange, "margin"},
		{"opacity", func(s *labeler.Spec) { s.Box.Opacity = 1.5 }, "opacity", labeler.RuleRange, "opacity"},
		{"colour", func(s *labeler.Spec) { s.Box.AutoContrast, s.Box.Color = false, "red" }, "box-color", labeler.RuleFormat, "box-color"},
		{"colour ignored with auto contrast", func(s *labeler.Spec) { s.Box.Color = "red" }, "", "", ""},
		{"out is a file", func(s *labeler.Spec) { s.Out.Dir = notDir }, "out", labeler.RuleNotFolder, "out"},
		{"max-mp", func(s *labeler.Spec) { s.Image.MaxMegapixels = -1 }, "max-mp", labeler.RuleMin, "max-mp"},
		{"quality", func(s *labeler.Spec) { s.Image.JPEGQuality = 101 }, "quality", labeler.RuleRangeOrZero, "quality"},
		{"every", func(s *labeler.Spec) { s.Audio.EveryMinutes = 0.5 }, "notice-every", labeler.RuleRangeOrZero, "notice-every"},
		{"gap", func(s *labeler.Spec) { s.Audio.GapSeconds = 6 }, "notice-gap", labeler.RuleRange, "notice-gap"},
		{"fade", func(s *labeler.Spec) { s.Audio.FadeMillis = 501 }, "notice-fade", labeler.RuleRange, "notice-fade"},
		{"lufs", func(s *labeler.Spec) { s.Audio.TargetLUFS = -50 }, "notice-lufs", labeler.RuleRangeOrZero, "notice-lufs"},
		{"clip type", func(s *labeler.Spec) { s.Audio.CustomClip = "/n/notice.txt" }, "notice-clip", labeler.RuleFileType, "notice-clip"},
		{"start 2s", func(s *labeler.Spec) { s.Video.BadgeMode, s.Video.BadgeSeconds = labeler.BadgeStart, 2 }, "", "", ""},
		{"start too short", func(s *labeler.Spec) { s.Video.BadgeMode, s.Video.BadgeSeconds = labeler.BadgeStart, 1.5 }, "video-badge-seconds", labeler.RuleMin, "video-badge start:N"},
		{"in-strict wants all", func(s *labeler.Spec) {
			s.Profile, s.Size, s.Video.BadgeMode, s.Video.BadgeSeconds = "in-strict", 5, labeler.BadgeStart, 10
		}, "video-badge", labeler.RuleEveryFrame, "video-badge"},
		{"unknown badge", func(s *labeler.Spec) { s.Video.BadgeMode = "sometimes" }, "video-badge", labeler.RuleChoice, "video-badge"},
		{"slate too long", func(s *labeler.Spec) { s.Video.Slate, s.Video.SlateSeconds = true, 5 }, "slate-seconds", labeler.RuleRange, "slate-seconds"},
		{"slate off ignores length", func(s *labeler.Spec) { s.Video.SlateSeconds = 9 }, "", "", ""},
		{"duck", func(s *labeler.Spec) { s.Video.Duck = -3 }, "duck", labeler.RuleRange, "duck"},
		{"crf", func(s *labeler.Spec) { s.Video.CRF = 60 }, "crf", labeler.RuleRange, "crf"},
		{"preset", func(s *labeler.Spec) { s.Video.Preset = "warp" }, "video-preset", labeler.RuleChoice, "video-preset"},
		{"pdf pages", func(s *labeler.Spec) { s.Text.PDFPages = "some" }, "pdf-pages", labeler.RuleChoice, "pdf-pages"},
		{"cue seconds", func(s *labeler.Spec) { s.Text.CueSeconds = 0 }, "cue-seconds", labeler.RuleRange, "cue-seconds"},
		{"key without chain", func(s *labeler.Spec) { s.C2PA.Key = notDir }, "c2pa-chain", labeler.RulePair, "c2pa-chain"},
		{"missing chain file", func(s *labeler.Spec) { s.C2PA.Key, s.C2PA.Chain = notDir, notDir+".nope" }, "c2pa-chain", labeler.RuleUnreadable, "c2pa-chain"},
		{"c2pa off ignores files", func(s *labeler.Spec) { s.C2PA.Off, s.C2PA.Key = true, "/nope" }, "", "", ""},
	}
}

// The English lines name the flag, the value and the limits.
func TestProblemLines(t *testing.T) {
	for _, c := range []struct {
		edit func(*labeler.Spec)
		want string
	}{
		{func(s *labeler.Spec) { s.Size = 40 }, "-size 40: must be from 2 to 25 %"},
		{func(s *labeler.Spec) { s.Profile, s.Size = "cn", 3 }, "-size 3: profile cn needs at least 5 %"},
		{func(s *labeler.Spec) { s.Audio.EveryMinutes = 500 }, "-notice-every 500: must be 0 or from 1 to 180 min"},
		{func(s *labeler.Spec) { s.Video.BadgeMode, s.Video.BadgeSeconds = labeler.BadgeStart, 1 },
			"-video-badge start:1: must be at least 2 s"},
		{func(s *labeler.Spec) { s.AI = "maybe" }, "-ai maybe: must be one of: generated, modified"},
		{func(s *labeler.Spec) { s.C2PA.Key = "/k.pem" }, `-c2pa-chain "": this file is needed too: set both files or neither`},
	} {
		s := labeler.DefaultSpec()
		c.edit(&s)
		if got := s.Problems().Error(); !strings.Contains(got, c.want) {
			t.Errorf("got\n%s\nwant a line %q", got, c.want)
		}
	}
}

// The app shows a problem in the interface language.
func TestProblemMessagesTranslate(t *testing.T) {
	s := labeler.DefaultSpec()
	s.Profile, s.Size = "cn", 3
	p := s.Problems()[0]
	for l, want := range map[labeler.Lang]string{
		labeler.Kazakh:  "cn профилі кемінде 5 % талап етеді",
		labeler.Russian: "профиль cn требует не меньше 5 %",
		labeler.English: "profile cn needs at least 5 %",
	} {
		if got := p.Message(l); got != want {
			t.Errorf("%s: %q, want %q", l, got, want)
		}
	}
	s = labeler.DefaultSpec()
	s.Video.BadgeMode, s.Video.BadgeSeconds = labeler.BadgeStart, 1
	if got := s.Problems()[0].Message(labeler.Kazakh); got != "кемінде 2 с болуы керек" {
		t.Errorf("kk badge seconds: %q", got)
	}
}

package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"github.com/belgi-kz/belgi/labeler"
)

// Preference keys. They are part of the app's stored state: renaming one
// forgets what users chose.
const (
	prefLangs        = "label.langs"
	prefAI           = "label.ai"
	prefRealPerson   = "label.realPerson"
	prefCustom       = "label.custom." // + language
	prefPosition     = "label.position"
	prefSize         = "label.size"
	prefOpacity      = "label.opacity"
	prefAutoContrast = "label.autoContrast"
	prefBadge        = "video.badge"
	prefBadgeSeconds = "video.badgeSeconds"
	prefSlate        = "video.slate"
	prefCRF          = "video.crf"
	prefAtEnd        = "audio.atEnd"
	prefEvery        = "audio.everyMinutes"
	prefCue          = "audio.cue"
	prefOutDir       = "output.dir"
	prefOverwrite    = "output.overwrite"
	prefC2PAOff      = "c2pa.off"
	prefC2PAKey      = "c2pa.key"
	prefC2PAChain    = "c2pa.chain"
	prefUILang       = "ui.lang"
	prefAppearance   = "ui.appearance"
)

// allLangs is every label language in Belgi's default order.
func allLangs() []labeler.Lang {
	return []labeler.Lang{labeler.Kazakh, labeler.Russian, labeler.English}
}

// loadSpec reads the settings people can change in the window on top of
// labeler.DefaultSpec; anything never stored keeps its default.
func loadSpec(p fyne.Preferences) labeler.Spec {
	s := labeler.DefaultSpec()
	s.Langs = labeler.ParseLangs(p.StringWithFallback(prefLangs, joinLangs(s.Langs)))
	s.AI = labeler.Involvement(p.StringWithFallback(prefAI, string(s.AI)))
	s.RealPerson = p.BoolWithFallback(prefRealPerson, s.RealPerson)
	for _, l := range allLangs() {
		if c := p.String(prefCustom + string(l)); c != "" {
			if s.Custom == nil {
				s.Custom = map[labeler.Lang]string{}
			}
			s.Custom[l] = c
		}
	}
	s.Position = labeler.Position(p.StringWithFallback(prefPosition, string(s.Position)))
	s.Size = p.FloatWithFallback(prefSize, s.Size)
	s.Box.Opacity = p.FloatWithFallback(prefOpacity, s.Box.Opacity)
	s.Box.AutoContrast = p.BoolWithFallback(prefAutoContrast, s.Box.AutoContrast)
	s.Video.Badge = p.StringWithFallback(prefBadge, s.Video.Badge)
	s.Video.BadgeSeconds = p.FloatWithFallback(prefBadgeSeconds, s.Video.BadgeSeconds)
	s.Video.Slate = p.BoolWithFallback(prefSlate, s.Video.Slate)
	s.Video.CRF = p.IntWithFallback(prefCRF, s.Video.CRF)
	s.Audio.AtEnd = p.BoolWithFallback(prefAtEnd, s.Audio.AtEnd)
	s.Audio.EveryMinutes = p.FloatWithFallback(prefEvery, s.Audio.EveryMinutes)
	s.Audio.Cue = p.BoolWithFallback(prefCue, s.Audio.Cue)
	s.Out.Dir = p.String(prefOutDir)
	s.Out.Overwrite = p.Bool(prefOverwrite)
	s.C2PA.Off = p.BoolWithFallback(prefC2PAOff, s.C2PA.Off)
	s.C2PA.Key = p.StringWithFallback(prefC2PAKey, s.C2PA.Key)
	s.C2PA.Chain = p.StringWithFallback(prefC2PAChain, s.C2PA.Chain)
	return s
}

// saveSpec stores what loadSpec reads.
func saveSpec(p fyne.Preferences, s labeler.Spec) {
	p.SetString(prefLangs, joinLangs(s.Langs))
	p.SetString(prefAI, string(s.AI))
	p.SetBool(prefRealPerson, s.RealPerson)
	for _, l := range allLangs() {
		p.SetString(prefCustom+string(l), s.Custom[l])
	}
	p.SetString(prefPosition, string(s.Position))
	p.SetFloat(prefSize, s.Size)
	p.SetFloat(prefOpacity, s.Box.Opacity)
	p.SetBool(prefAutoContrast, s.Box.AutoContrast)
	p.SetString(prefBadge, s.Video.Badge)
	p.SetFloat(prefBadgeSeconds, s.Video.BadgeSeconds)
	p.SetBool(prefSlate, s.Video.Slate)
	p.SetInt(prefCRF, s.Video.CRF)
	p.SetBool(prefAtEnd, s.Audio.AtEnd)
	p.SetFloat(prefEvery, s.Audio.EveryMinutes)
	p.SetBool(prefCue, s.Audio.Cue)
	p.SetString(prefOutDir, s.Out.Dir)
	p.SetBool(prefOverwrite, s.Out.Overwrite)
	p.SetBool(prefC2PAOff, s.C2PA.Off)
	p.SetString(prefC2PAKey, s.C2PA.Key)
	p.SetString(prefC2PAChain, s.C2PA.Chain)
}

func joinLangs(ls []labeler.Lang) string {
	parts := make([]string, len(ls))
	for i, l := range ls {
		parts[i] = string(l)
	}
	return strings.Join(parts, ",")
}

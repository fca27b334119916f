package ui

import (
	"os"

	"github.com/belgi-kz/belgi/labeler"
)

// field names a setting that can hold an invalid value; its explanation
// is shown right under it.
type field int

const (
	fieldLangs field = iota
	fieldCustom
	fieldSize
	fieldOut
	fieldVideo
	fieldAudio
	fieldC2PA
	fieldOther // anything the core rejects that no field above explains
)

func fields() []field {
	return []field{fieldLangs, fieldCustom, fieldSize, fieldOut, fieldVideo, fieldAudio, fieldC2PA, fieldOther}
}

// maxCustom is the core's limit on a custom wording, in characters.
const maxCustom = 200

// problems explains, in the interface language, every field whose value
// cannot be used; empty when the spec is ready to export.
func (p *settingsPanel) problems(s labeler.Spec) map[field]string {
	out := map[field]string{}
	if len(s.Langs) == 0 {
		out[fieldLangs] = p.tr.L("Choose at least one label language.")
	}
	for _, l := range s.Langs {
		if n := len([]rune(s.Custom[l])); n > maxCustom {
			out[fieldCustom] = p.tr.L("The {{.Lang}} wording is {{.N}} characters long: keep it under 200.",
				map[string]any{"Lang": langName(l), "N": n})
		}
	}
	if prof, err := labeler.LookupProfile(s.Profile); err == nil && s.Size < prof.MinSize {
		out[fieldSize] = p.tr.L("The rules need a label of at least {{.Min}} % of the shorter side.",
			map[string]any{"Min": prof.MinSize})
	}
	if s.Out.Dir != "" {
		if st, err := os.Stat(s.Out.Dir); err == nil && !st.IsDir() {
			out[fieldOut] = p.tr.L("This is a file, not a folder: choose a folder.")
		}
	}
	p.media.problems(s, out)
	p.c2pa.problems(s, out)
	if err := s.Validate(); err != nil && len(out) == 0 {
		out[fieldOther] = err.Error()
	}
	return out
}

// check shows each field's problem under it and reports whether the
// spec is ready.
func (p *settingsPanel) check() bool {
	probs := p.problems(p.spec)
	for f, l := range p.errs {
		if msg, bad := probs[f]; bad {
			l.SetText(msg)
			l.Show()
		} else {
			l.Hide()
		}
	}
	return len(probs) == 0
}

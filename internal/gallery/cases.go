package main

import (
	"github.com/belgi-kz/belgi/labeler"
)

// row is one line of the sheet: a caption and the spec drawn on every
// frame of it.
type row struct {
	caption string
	spec    labeler.Spec
}

// custom is sample wording for the custom style.
var custom = map[labeler.Lang]string{
	labeler.Kazakh:  "Сурет ЖИ көмегімен өңделді",
	labeler.Russian: "Снимок обработан ИИ",
	labeler.English: "Photo edited with AI",
}

// rows: each style with kk, ru, en and kk+ru, then every profile's
// defaults (us-ca's need an AI system, which changes only the metadata).
func rows() []row {
	var out []row
	sets := [][]labeler.Lang{{labeler.Kazakh}, {labeler.Russian}, {labeler.English}, {labeler.Kazakh, labeler.Russian}}
	for _, st := range labeler.Styles() {
		for _, langs := range sets {
			s := labeler.DefaultSpec()
			s.Style, s.Langs = st, langs
			if st == labeler.StyleCustom {
				s.Custom = custom
			}
			out = append(out, row{string(st) + " · " + labeler.JoinLangs(langs), s})
		}
	}
	for _, p := range labeler.Profiles() {
		s, _ := labeler.SpecFor(p.Name)
		out = append(out, row{"profile " + p.Name + " · " + labeler.JoinLangs(s.Langs), s})
	}
	return out
}

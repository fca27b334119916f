package labeler

import (
	"slices"
	"strings"
)

// The preset wording (DESIGN.md). Kazakh first: it is the state language.
var (
	presetGenerated = map[Lang]string{
		Kazakh:  "Жасанды интеллект көмегімен жасалған",
		Russian: "Создано с помощью искусственного интеллекта",
		English: "Created with AI",
	}
	presetModified = map[Lang]string{
		Kazakh:  "Жасанды интеллект көмегімен өзгертілген",
		Russian: "Изменено с помощью искусственного интеллекта",
		English: "Modified with AI",
	}
	presetPerson = map[Lang]string{
		Kazakh:  "Нақты адамның синтетикалық бейнесі",
		Russian: "Синтетическое изображение реального человека",
		English: "Synthetic depiction of a real person",
	}
	presetMark = map[Lang]string{Kazakh: "ЖИ", Russian: "ИИ", English: "AI"}
)

// Wording is the notice in one language: the main sentence and, for a real
// person's likeness, the extra line.
type Wording struct {
	Lang   Lang
	Notice string
	Person string // empty unless Spec.RealPerson
}

// Wordings returns the notice for each label language, in order.
func (s Spec) Wordings() []Wording {
	out := make([]Wording, 0, len(s.Langs))
	for _, l := range s.Langs {
		w := Wording{Lang: l, Notice: s.notice(l)}
		if s.RealPerson {
			w.Person = presetPerson[l]
		}
		out = append(out, w)
	}
	return out
}

// Lines returns every line of the perceivable label, in order.
func (s Spec) Lines() []string {
	var lines []string
	for _, w := range s.Wordings() {
		lines = append(lines, w.Notice)
		if w.Person != "" {
			lines = append(lines, w.Person)
		}
	}
	return lines
}

// Mark is the short badge: the acronyms of the label languages, deduplicated
// and joined ("ЖИ/ИИ").
func (s Spec) Mark() string {
	var marks []string
	for _, l := range s.Langs {
		m := presetMark[l]
		if m != "" && !slices.Contains(marks, m) {
			marks = append(marks, m)
		}
	}
	return strings.Join(marks, "/")
}

// PresetNotice returns the stock wording for a language and involvement.
func PresetNotice(l Lang, ai Involvement) string {
	if ai == Modified {
		return presetModified[l]
	}
	return presetGenerated[l]
}

func (s Spec) notice(l Lang) string {
	if c := strings.TrimSpace(s.Custom[l]); c != "" {
		return c
	}
	return PresetNotice(l, s.AI)
}

// DigitalSourceType is the IPTC NewsCode URI for the spec's involvement.
func (s Spec) DigitalSourceType() string {
	if s.AI == Modified {
		return DSTComposite
	}
	return DSTTrained
}

// IPTC digital source type NewsCodes.
const (
	DSTTrained   = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
	DSTComposite = "http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia"
)

// PresetPerson returns the stock "synthetic depiction of a real person"
// line for a language.
func PresetPerson(l Lang) string { return presetPerson[l] }

package labeler

import "strings"

// The compact label: the AI mark in a chip, then one word per language
// that reads on from the mark — «ЖИ | жасаған», «ИИ | создано»,
// "AI | generated" — so the acronym is said once. Without the chip each
// language says the whole phrase in its natural order: «ЖИ жасаған»
// (made by AI), «Создано ИИ» (Russian puts the agent last), "AI-generated".
type shortForm struct{ word, phrase string }

var (
	shortGenerated = map[Lang]shortForm{
		Kazakh:  {"жасаған", "ЖИ жасаған"},
		Russian: {"создано", "Создано ИИ"},
		English: {"generated", "AI-generated"},
	}
	shortModified = map[Lang]shortForm{
		Kazakh:  {"өзгерткен", "ЖИ өзгерткен"},
		Russian: {"изменено", "Изменено ИИ"},
		English: {"modified", "AI-modified"},
	}
	// shortPerson is the compact real-person line: a plain statement,
	// since "real person" alone under "AI-generated" could be read as
	// its opposite.
	shortPerson = map[Lang]string{
		Kazakh:  "Нақты адам бейнеленген",
		Russian: "Изображён реальный человек",
		English: "Depicts a real person",
	}
)

// ShortLine is one language's row of the compact label.
type ShortLine struct {
	Lang Lang
	Mark string // the acronym for the chip: ЖИ, ИИ, AI
	Word string // what follows the chip: жасаған
	// Phrase is the row without a chip, the acronym in its natural
	// place: «Создано ИИ».
	Phrase string
}

// Short returns the compact label's rows, one per label language. Under
// a profile that wants capitals (eu: "AI GENERATED") the words are
// upper-cased.
func (s Spec) Short() []ShortLine {
	caps := s.capitals()
	out := make([]ShortLine, 0, len(s.Langs))
	for _, l := range s.Langs {
		f := shortGenerated[l]
		if s.AI == Modified {
			f = shortModified[l]
		}
		sl := ShortLine{Lang: l, Mark: presetMark[l], Word: f.word, Phrase: f.phrase}
		if caps {
			sl.Word, sl.Phrase = strings.ToUpper(sl.Word), strings.ToUpper(strings.ReplaceAll(sl.Phrase, "-", " "))
		}
		out = append(out, sl)
	}
	return out
}

// ShortPerson returns the compact real-person lines, one per label
// language; nil unless Spec.RealPerson.
func (s Spec) ShortPerson() []string {
	if !s.RealPerson {
		return nil
	}
	var out []string
	for _, l := range s.Langs {
		out = append(out, shortPerson[l])
	}
	return out
}

// CustomLines returns the user's own text, one line per label language
// that has one (the custom style).
func (s Spec) CustomLines() []string {
	var out []string
	for _, l := range s.Langs {
		if c := strings.TrimSpace(s.Custom[l]); c != "" {
			out = append(out, c)
		}
	}
	return out
}

func (s Spec) capitals() bool {
	p, err := LookupProfile(s.Profile)
	return err == nil && p.Capitals
}

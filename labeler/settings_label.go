package labeler

import (
	"os"
	"regexp"
	"slices"
	"strings"
)

// labelSettings: what the label says, where it sits and how it looks.
func labelSettings() []Setting {
	core := []Setting{{
		Name: "lang", Section: SectionLabel, Pref: "label.langs", Value: langsValue{},
		Choices: langCodes(), Check: checkLangs, Profile: profileLang(),
		CheckDoc: "at least one; none twice",
		Help: Help{En: "Label languages, in the order of the label's lines.",
			Kk: "Белгі тілдері, белгі жолдарының ретімен.",
			Ru: "Языки метки в порядке её строк."},
	}, {
		Name: "ai", Section: SectionLabel, Pref: "label.ai", Value: named(func(s *Spec) *Involvement { return &s.AI }),
		Choices: []string{string(Generated), string(Modified)},
		Help: Help{En: "How AI took part: generated (made by AI) or modified (a real capture changed with AI).",
			Kk: "ЖИ қалай қатысты: generated — ЖИ жасаған, modified — ЖИ өзгерткен нақты түсірілім.",
			Ru: "Как участвовал ИИ: generated — создано ИИ, modified — настоящая съёмка, изменённая ИИ."},
	}, {
		Name: "person", Section: SectionLabel, Pref: "label.realPerson", Value: field(func(s *Spec) *bool { return &s.RealPerson }),
		Help: Help{En: "Add the line “synthetic depiction of a real person”.",
			Kk: "«Нақты адамның синтетикалық бейнесі» деген жолды қосу.",
			Ru: "Добавить строку «синтетическое изображение реального человека»."},
	}}
	core = append(core, styleSetting())
	core = append(core, customSettings()...)
	core = append(core, placementSettings()...)
	return append(core, aiSettings()...)
}

// customSettings: one wording per label language, each its own flag.
func customSettings() []Setting {
	help := map[Lang]Help{
		Kazakh: {En: "Your own Kazakh wording instead of the preset.",
			Kk: "Дайын мәтіннің орнына өз қазақша мәтініңіз.", Ru: "Свой текст на казахском вместо готового."},
		Russian: {En: "Your own Russian wording instead of the preset.",
			Kk: "Дайын мәтіннің орнына өз орысша мәтініңіз.", Ru: "Свой текст на русском вместо готового."},
		English: {En: "Your own English wording instead of the preset.",
			Kk: "Дайын мәтіннің орнына өз ағылшынша мәтініңіз.", Ru: "Свой текст на английском вместо готового."},
	}
	var out []Setting
	for _, l := range AllLangs() {
		out = append(out, Setting{
			Name: "text-" + string(l), Section: SectionLabel, Pref: "label.custom." + string(l),
			Value: customText(l), MaxLen: 200, Help: help[l],
			When:  func(s *Spec) bool { return slices.Contains(s.Langs, l) },
			Check: needsCustomText(l), CheckDoc: "needed for the custom style",
		})
	}
	return out
}

var hexColor = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// placementSettings: where the label sits and how its box looks.
func placementSettings() []Setting {
	return []Setting{{
		Name: "position", Section: SectionLabel, Pref: "label.position", Value: named(func(s *Spec) *Position { return &s.Position }),
		Choices: positionNames(), Profile: profileTop(),
		Help: Help{En: "Where the label sits in the frame: one of nine anchors, or auto (bottom-right; top-right on a video with subtitles).",
			Kk: "Белгінің кадрдағы орны: тоғыз нүктенің бірі немесе auto (төменгі оң жақ; субтитрі бар бейнеде жоғарғы оң жақ).",
			Ru: "Где стоит метка в кадре: одна из девяти точек или auto (справа внизу; в видео с субтитрами — справа вверху)."},
	}, {
		Name: "size", Section: SectionLabel, Pref: "label.size", Value: field(func(s *Spec) *float64 { return &s.Size }),
		Unit: "%", Range: &Range{Min: MinSize, Max: MaxSize}, Step: 0.5,
		Profile: profileMin("min_size", func(p Profile) float64 { return p.MinSize }, func(s *Spec) float64 { return s.Size }),
		Help: Help{En: "Cap height of the label text, % of the picture's shorter side.",
			Kk: "Белгі мәтінінің бас әріп биіктігі, суреттің қысқа қабырғасының пайызымен.",
			Ru: "Высота прописных букв метки в процентах от короткой стороны кадра."},
	}, {
		Name: "margin", Section: SectionLabel, Value: field(func(s *Spec) *float64 { return &s.Margin }),
		Unit: "%", Range: &Range{Min: 0, Max: 20}, Step: 0.5,
		Help: Help{En: "Distance from the frame's edges, % of the shorter side.",
			Kk: "Кадр шетінен қашықтық, қысқа қабырғаның пайызымен.", Ru: "Отступ от краёв кадра в процентах от короткой стороны."},
	}, {
		Name: "opacity", Section: SectionLabel, Pref: "label.opacity", Value: field(func(s *Spec) *float64 { return &s.Box.Opacity }),
		Range: &Range{Min: 0, Max: 1}, Step: 0.01,
		Help: Help{En: "Opacity of the label's box, 0–1; raised when needed to keep a 4.5:1 contrast.",
			Kk: "Белгі фонының мөлдірсіздігі, 0–1; 4.5:1 контраст сақталуы үшін қажет болса арттырылады.",
			Ru: "Непрозрачность подложки, 0–1; повышается, если это нужно для контраста 4.5:1."},
	}, {
		Name: "box-color", Section: SectionLabel, Value: field(func(s *Spec) *string { return &s.Box.Color }),
		Pattern: hexColor, PatternDoc: "#RRGGBB", Sample: "#336699", When: func(s *Spec) bool { return !s.Box.AutoContrast },
		Help: Help{En: "Colour of the box, #RRGGBB, used when automatic contrast is off.",
			Kk: "Фон түсі, #RRGGBB, автоматты контраст өшірулі болғанда қолданылады.",
			Ru: "Цвет подложки, #RRGGBB, когда автоматический контраст выключен."},
	}, {
		Name: "auto-contrast", Section: SectionLabel, Pref: "label.autoContrast", Value: field(func(s *Spec) *bool { return &s.Box.AutoContrast }),
		Help: Help{En: "Pick a dark or light box from the picture beneath the label.",
			Kk: "Белгі астындағы суретке қарай күңгірт не ашық фонды таңдау.",
			Ru: "Выбирать тёмную или светлую подложку по изображению под меткой."},
	}, {
		Name: "badge", Section: SectionLabel, Value: field(func(s *Spec) *bool { return &s.ShowMark }),
		Profile: profileMark(),
		Help: Help{En: "Show the short mark (ЖИ / ИИ / AI) in a chip before the wording; off, each language writes it in its phrase.",
			Kk: "Мәтіннің алдында қысқа белгіні (ЖИ / ИИ / AI) бөлек көрсету; өшірулі болса, әр тіл оны өз сөз тіркесінде жазады.",
			Ru: "Показывать короткий знак (ЖИ / ИИ / AI) отдельно перед текстом; если выключено, каждый язык пишет его в своей фразе."},
	}, {
		Name: "profile", Section: SectionLabel, Pref: "label.profile", Value: profileValue{},
		Choices: profileNames(),
		Help: Help{En: "The rule set the label must satisfy (belgi-cli profiles lists them with their sources); it also sets its defaults.",
			Kk: "Белгі сәйкес келуге тиіс ережелер жинағы (belgi-cli profiles оларды дереккөздерімен көрсетеді); ол өз әдепкі мәндерін де қояды.",
			Ru: "Набор правил, которым должна отвечать метка (belgi-cli profiles показывает их с источниками); он же задаёт свои значения по умолчанию."},
	}}
}

// styleSetting: what the picture's label shows.
func styleSetting() Setting {
	return Setting{
		Name: "style", Section: SectionLabel, Pref: "label.style", Value: named(func(s *Spec) *Style { return &s.Style }),
		Choices: styleNames(), Profile: profileWording(),
		Help: Help{En: "What a picture's label shows: compact (the AI mark and a word per language), full (the sentences), mark (the mark alone, for thumbnails) or custom (your own text).",
			Kk: "Суреттегі белгі не көрсетеді: compact — ЖИ белгісі және әр тілде бір сөз, full — толық сөйлемдер, mark — тек белгі (шағын суреттерге), custom — өз мәтініңіз.",
			Ru: "Что показывает метка на изображении: compact — знак ИИ и слово на каждом языке, full — полные фразы, mark — только знак (для миниатюр), custom — ваш текст."},
	}
}

// needsCustomText: the custom style shows the user's text, so each
// chosen language needs one.
func needsCustomText(l Lang) func(s *Spec) []Problem {
	return func(s *Spec) []Problem {
		if s.Style == StyleCustom && strings.TrimSpace(s.Custom[l]) == "" {
			return []Problem{{Rule: RuleCustomText}}
		}
		return nil
	}
}

// checkLangs: at least one language, none twice, and custom wording
// only for languages Belgi knows.
func checkLangs(s *Spec) []Problem {
	var ps []Problem
	if len(s.Langs) == 0 {
		ps = append(ps, Problem{Rule: RuleEmpty})
	}
	for i, l := range s.Langs {
		if slices.Contains(s.Langs[:i], l) {
			ps = append(ps, Problem{Rule: RuleDuplicate, Value: string(l)})
		}
	}
	for l := range s.Custom {
		if !l.Known() {
			ps = append(ps, Problem{Rule: RuleChoice, Value: string(l), Allowed: langCodes()})
		}
	}
	return ps
}

// outputSettings: where copies go and what happens to existing ones.
func outputSettings() []Setting {
	return []Setting{{
		Name: "out", Section: SectionOutput, Pref: "output.dir", Value: field(func(s *Spec) *string { return &s.Out.Dir }),
		Check: checkOutDir, CheckDoc: "a folder (or a path not yet made)",
		Help: Help{En: "Output folder; empty puts copies in labeled/ beside each input.",
			Kk: "Нәтиже қалтасы; бос болса, көшірмелер әр файлдың жанындағы labeled/ қалтасына түседі.",
			Ru: "Папка для результатов; если пусто, копии попадают в labeled/ рядом с каждым файлом."},
	}, {
		Name: "overwrite", Section: SectionOutput, Pref: "output.overwrite", Value: field(func(s *Spec) *bool { return &s.Out.Overwrite }),
		Help: Help{En: "Replace existing outputs instead of skipping them.",
			Kk: "Бар нәтижелерді өткізіп жібермей, ауыстыру.", Ru: "Заменять существующие результаты, а не пропускать их."},
	}, {
		Name: "relabel", Section: SectionOutput, Value: field(func(s *Spec) *bool { return &s.Out.Relabel }),
		Help: Help{En: "Label files that already carry Belgi's label again.",
			Kk: "Belgi белгісі бар файлдарды қайта белгілеу.", Ru: "Снова помечать файлы, на которых уже есть метка Belgi."},
	}}
}

func checkOutDir(s *Spec) []Problem {
	if st, err := os.Stat(s.Out.Dir); s.Out.Dir != "" && err == nil && !st.IsDir() {
		return []Problem{{Rule: RuleNotFolder}}
	}
	return nil
}

// imageSettings: limits and encoding of images.
func imageSettings() []Setting {
	return []Setting{{
		Name: "max-mp", Section: SectionImage, Value: field(func(s *Spec) *float64 { return &s.Image.MaxMegapixels }),
		Unit: "MP", Range: atLeast(0),
		Help: Help{En: "Refuse images larger than this many megapixels, before decoding (0: the default, 200).",
			Kk: "Осыдан көп мегапиксельді суреттерді ашпай-ақ қабылдамау (0 — әдепкі, 200).",
			Ru: "Отклонять изображения больше стольких мегапикселей, не декодируя (0 — по умолчанию, 200)."},
	}, {
		Name: "quality", Section: SectionImage, Value: field(func(s *Spec) *int { return &s.Image.JPEGQuality }),
		Range: &Range{Min: 1, Max: 100, OrZero: true}, Step: 1,
		Help: Help{En: "JPEG quality 1–100; 0 keeps the source's.",
			Kk: "JPEG сапасы 1–100; 0 — бастапқы файлдағыдай.", Ru: "Качество JPEG 1–100; 0 — как у исходного файла."},
	}}
}

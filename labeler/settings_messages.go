package labeler

import (
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Rule names the rule a Problem breaks; it is stable, so programs may
// match on it.
type Rule string

// The rules. Each has a message in kk, ru and en (ruleMessages).
const (
	RuleRange         Rule = "range"         // outside Min–Max
	RuleRangeOrZero   Rule = "range-or-zero" // outside Min–Max and not 0
	RuleMin           Rule = "min"           // below Min
	RuleChoice        Rule = "choice"        // not one of Allowed
	RuleEmpty         Rule = "empty"         // a list that needs an item
	RuleDuplicate     Rule = "duplicate"     // a list item given twice
	RuleTooLong       Rule = "too-long"      // longer than Max characters
	RuleFormat        Rule = "format"        // not of the form Allowed[0]
	RuleProfileMin    Rule = "profile-min"   // below what Profile needs
	RuleEveryFrame    Rule = "profile-every-frame"
	RuleProfileTop    Rule = "profile-top"    // the profile wants a top anchor
	RuleProfileLang   Rule = "profile-lang"   // the profile needs Allowed[0] among the languages
	RuleProfileOn     Rule = "profile-on"     // the profile needs this switched on
	RuleProfileNeeds  Rule = "profile-needs"  // the profile needs this text filled in
	RuleProfileChoice Rule = "profile-choice" // the profile allows only Allowed
	RuleCustomText    Rule = "custom-text"    // the custom style without the user's text
	RulePair          Rule = "pair"           // one of two files given without the other
	RuleUnreadable    Rule = "unreadable"     // a file that can't be read
	RuleFileType      Rule = "file-type"      // a file of a kind not in Allowed
	RuleNotFolder     Rule = "not-folder"     // a file where a folder belongs
	RuleExclusive     Rule = "exclusive"      // two ways of saying one thing, both given
)

// Rules lists every rule.
func Rules() []Rule {
	return []Rule{RuleRange, RuleRangeOrZero, RuleMin, RuleChoice, RuleEmpty, RuleDuplicate, RuleTooLong,
		RuleFormat, RuleProfileMin, RuleEveryFrame, RuleProfileTop, RuleProfileLang, RuleProfileOn,
		RuleProfileNeeds, RuleProfileChoice, RuleCustomText, RulePair, RuleUnreadable, RuleFileType, RuleNotFolder, RuleExclusive}
}

// ruleMessages word each rule without naming the setting: the app shows
// them beside the setting's widget, the CLI after its flag. Placeholders
// in braces are filled by Problem.Message.
var ruleMessages = map[Rule]Help{
	RuleRange: {En: "must be from {min} to {max}{unit}",
		Kk: "{min}–{max}{unit} аралығында болуы керек", Ru: "допустимо от {min} до {max}{unit}"},
	RuleRangeOrZero: {En: "must be 0 or from {min} to {max}{unit}",
		Kk: "0 немесе {min}–{max}{unit} аралығында болуы керек", Ru: "допустимо 0 или от {min} до {max}{unit}"},
	RuleMin: {En: "must be at least {min}{unit}",
		Kk: "кемінде {min}{unit} болуы керек", Ru: "должно быть не меньше {min}{unit}"},
	RuleChoice: {En: "must be one of: {allowed}",
		Kk: "рұқсат етілген мәндер: {allowed}", Ru: "допустимые значения: {allowed}"},
	RuleEmpty: {En: "choose at least one",
		Kk: "кемінде біреуін таңдаңыз", Ru: "выберите хотя бы один"},
	RuleDuplicate: {En: "{value} is listed twice",
		Kk: "{value} екі рет көрсетілген", Ru: "{value} указан дважды"},
	RuleTooLong: {En: "is {length} characters long: keep it to {max}",
		Kk: "ұзындығы {length} таңба: {max} таңбадан аспасын", Ru: "длина {length} символов: не больше {max}"},
	RuleFormat: {En: "must look like {allowed}",
		Kk: "{allowed} түрінде болуы керек", Ru: "нужен формат {allowed}"},
	RuleProfileMin: {En: "profile {profile} needs at least {min}{unit}",
		Kk: "{profile} профилі кемінде {min}{unit} талап етеді", Ru: "профиль {profile} требует не меньше {min}{unit}"},
	RuleEveryFrame: {En: "profile {profile} wants the badge on every frame",
		Kk: "{profile} профилі белгіні әр кадрда талап етеді", Ru: "профиль {profile} требует метку на каждом кадре"},
	RuleProfileTop: {En: "profile {profile} wants the label at the top of the frame",
		Kk: "{profile} профилі белгіні кадрдың жоғарғы жағында талап етеді", Ru: "профиль {profile} требует метку вверху кадра"},
	RuleProfileLang: {En: "profile {profile} needs {allowed} among the languages",
		Kk: "{profile} профилі тілдер арасында {allowed} болуын талап етеді", Ru: "профиль {profile} требует язык {allowed} среди языков"},
	RuleProfileOn: {En: "profile {profile} needs this on",
		Kk: "{profile} профилі мұны қосуды талап етеді", Ru: "профиль {profile} требует это включить"},
	RuleProfileNeeds: {En: "profile {profile} needs this filled in",
		Kk: "{profile} профилі мұны толтыруды талап етеді", Ru: "профиль {profile} требует это заполнить"},
	RuleProfileChoice: {En: "profile {profile} allows only: {allowed}",
		Kk: "{profile} профилі тек мыналарға рұқсат етеді: {allowed}", Ru: "профиль {profile} допускает только: {allowed}"},
	RuleCustomText: {En: "the custom style needs your own wording here",
		Kk: "custom стилі үшін мұнда өз мәтініңізді жазыңыз", Ru: "для стиля custom напишите здесь свой текст"},
	RulePair: {En: "this file is needed too: set both files or neither",
		Kk: "бұл файл да керек: екеуін де көрсетіңіз немесе ешқайсысын көрсетпеңіз",
		Ru: "этот файл тоже нужен: укажите оба файла или ни одного"},
	RuleUnreadable: {En: "{file} cannot be read",
		Kk: "{file} файлы оқылмайды", Ru: "файл {file} не читается"},
	RuleFileType: {En: "must be a {allowed} file",
		Kk: "{allowed} файлы болуы керек", Ru: "нужен файл {allowed}"},
	RuleNotFolder: {En: "is a file, not a folder",
		Kk: "бұл қалта емес, файл", Ru: "это файл, а не папка"},
	RuleExclusive: {En: "use either this or {allowed}, not both",
		Kk: "мұны не {allowed} қолданыңыз, екеуін бірге емес", Ru: "укажите либо это, либо {allowed}, но не оба"},
}

// units in each language; a unit not listed reads the same in all three.
var units = map[string]Help{
	"s":   {En: "s", Kk: "с", Ru: "с"},
	"min": {En: "min", Kk: "мин", Ru: "мин"},
	"ms":  {En: "ms", Kk: "мс", Ru: "мс"},
	"dB":  {En: "dB", Kk: "дБ", Ru: "дБ"},
	"MP":  {En: "MP", Kk: "Мп", Ru: "Мп"},
}

// Message words the problem in l, without naming the setting.
func (p Problem) Message(l Lang) string {
	tpl, ok := ruleMessages[p.Rule]
	if !ok {
		return string(p.Rule)
	}
	return strings.NewReplacer(
		"{min}", formatNumber(p.Min), "{max}", formatNumber(p.Max),
		"{unit}", UnitIn(p.Unit, l), "{allowed}", strings.Join(p.Allowed, ", "),
		"{profile}", p.Profile, "{value}", p.Value, "{length}", strconv.Itoa(p.Length),
		"{file}", filepath.Base(p.Value),
	).Replace(tpl.In(l))
}

// Sentence is Message as a sentence, for showing on its own: a capital
// letter (unless it starts with a name or number) and a full stop.
func (p Problem) Sentence(l Lang) string {
	msg := p.Message(l)
	if tpl := ruleMessages[p.Rule].In(l); !strings.HasPrefix(tpl, "{") {
		r, n := utf8.DecodeRuneInString(msg)
		msg = string(unicode.ToUpper(r)) + msg[n:]
	}
	return msg + "."
}

// UnitIn writes a unit in l with the space that goes before it: " %",
// " с"; "" for no unit.
func UnitIn(unit string, l Lang) string {
	if unit == "" {
		return ""
	}
	if u, ok := units[unit]; ok {
		unit = u.In(l)
	}
	return " " + unit
}

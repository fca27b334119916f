package ui

import (
	"embed"
	"encoding/json"
	"strings"
	"text/template"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"github.com/belgi-kz/belgi/labeler"
)

//go:embed translations
var translationFS embed.FS

// interfaceLangs are the choices of the "Interface language" setting: ""
// follows the system locale through Fyne's lang package; the others
// override it on every OS (Fyne reads the locale once from the system,
// with no setter).
func interfaceLangs() []string {
	out := []string{""}
	for _, l := range labeler.AllLangs() {
		out = append(out, string(l))
	}
	return out
}

// translator looks up interface strings. Keys are the English text.
type translator struct {
	choice string            // "" system, else kk / ru / en
	msgs   map[string]string // the chosen language's file; nil for system
	speaks labeler.Lang      // the language it speaks; see lang
}

func newTranslator(choice string) *translator {
	if err := lang.AddTranslationsFS(translationFS, "translations"); err != nil {
		fyne.LogError("ui: loading translations", err)
	}
	t := &translator{choice: choice, speaks: speaks(choice)}
	if choice != "" {
		t.msgs = map[string]string{}
		data, err := translationFS.ReadFile("translations/" + choice + ".json")
		if err == nil {
			err = json.Unmarshal(data, &t.msgs)
		}
		if err != nil {
			fyne.LogError("ui: translations for "+choice, err)
		}
	}
	return t
}

// L translates key; data fills {{.Name}} placeholders.
func (t *translator) L(key string, data ...map[string]any) string {
	if t.msgs == nil {
		if len(data) > 0 {
			return lang.L(key, data[0])
		}
		return lang.L(key)
	}
	s, ok := t.msgs[key]
	if !ok || s == "" {
		s = key
	}
	if len(data) == 0 || !strings.Contains(s, "{{") {
		return s
	}
	tpl, err := template.New("").Parse(s)
	if err != nil {
		return s
	}
	var b strings.Builder
	if err := tpl.Execute(&b, data[0]); err != nil {
		return s
	}
	return b.String()
}

// lang is the language the interface speaks. Text from the settings
// table (help, problems) is picked with it.
func (t *translator) lang() labeler.Lang { return t.speaks }

// speaks: the choice, or the system's language when Belgi speaks it,
// else English.
func speaks(choice string) labeler.Lang {
	l := labeler.Lang(choice)
	if l == "" {
		code, _, _ := strings.Cut(string(lang.SystemLocale()), "-")
		l = labeler.Lang(strings.ToLower(code))
	}
	if !l.Known() {
		return labeler.English
	}
	return l
}

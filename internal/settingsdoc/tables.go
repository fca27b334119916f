package main

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/belgi-kz/belgi/labeler"
)

// profiles: the rule sets, their sources, what they enforce and what
// selecting one sets (`belgi-cli profiles` prints the same).
func profiles(b *bytes.Buffer) {
	b.WriteString("## Profiles\n\n`-profile` picks the rule set: it sets the defaults listed and its rules constrain the settings below.\n\n")
	b.WriteString("| Profile | Source | Enforces | Sets |\n|---|---|---|---|\n")
	for _, p := range labeler.Profiles() {
		name := "`" + p.Name + "`"
		for _, a := range p.Aliases {
			name += " (alias `" + a + "`)"
		}
		fmt.Fprintf(b, "| %s | %s, %s | %s | %s |\n", name, cell(p.Source.Citation), p.Source.Date,
			cell(strings.Join(p.Enforces(), "; ")), cell(strings.Join(p.Sets(), "; ")))
	}
	b.WriteString("\n")
}

// section: one table of the facts, then the help in kk and ru.
func section(b *bytes.Buffer, sec labeler.Section) {
	fmt.Fprintf(b, "## %s\n\n", sec.Title())
	b.WriteString("| Flag | Default | Allowed | Profile rule | App preference | Help |\n|---|---|---|---|---|---|\n")
	var sts []labeler.Setting
	for _, st := range labeler.Settings() {
		if st.Section == sec {
			sts = append(sts, st)
		}
	}
	for _, st := range sts {
		profile := ""
		if st.Profile != nil {
			profile = st.Profile.Doc
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s |\n", flagCell(st), code(st.Default()), cell(st.Limits()),
			cell(profile), code(st.Pref), cell(st.Help.En))
	}
	b.WriteString("\n| Flag | Қазақша | Русский |\n|---|---|---|\n")
	for _, st := range sts {
		fmt.Fprintf(b, "| %s | %s | %s |\n", flagCell(st), cell(st.Help.Kk), cell(st.Help.Ru))
	}
	b.WriteString("\n")
}

// rules: the rule codes programs may match on, with their wording.
func rules(b *bytes.Buffer) {
	b.WriteString("## Problems\n\n`Spec.Validate` returns `labeler.Problems`; each names its setting, one of these\n")
	b.WriteString("rule codes and the rule's limits. The wording fills in those limits (shown here with placeholders).\n\n")
	b.WriteString("| Rule | English | Қазақша | Русский |\n|---|---|---|---|\n")
	rs := labeler.Rules()
	sort.Slice(rs, func(i, j int) bool { return rs[i] < rs[j] })
	p := labeler.Problem{Value: "VALUE", Unit: "UNIT", Allowed: []string{"ALLOWED"}, Profile: "PROFILE"}
	for _, r := range rs {
		p.Rule = r
		fmt.Fprintf(b, "| `%s` | %s | %s | %s |\n", r, cell(placeholders(p, labeler.English)),
			cell(placeholders(p, labeler.Kazakh)), cell(placeholders(p, labeler.Russian)))
	}
}

// placeholders words p with MIN, MAX and N standing for its numbers.
func placeholders(p labeler.Problem, l labeler.Lang) string {
	p.Min, p.Max, p.Length = 1111, 2222, 3333
	return strings.NewReplacer("1111", "MIN", "2222", "MAX", "3333", "N", " UNIT", " UNIT").Replace(p.Message(l))
}

func flagCell(st labeler.Setting) string {
	if !st.HasFlag() {
		return "`-" + st.Via + "`"
	}
	return "`-" + st.Name + "`"
}

func code(s string) string {
	if s == "" {
		return ""
	}
	return "`" + s + "`"
}

// cell escapes what would break a Markdown table row.
func cell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/belgi-kz/belgi/labeler"
)

// specFlags binds every setting of labeler.Settings() to a flag on one
// Spec. Flags are never declared here: a new setting in the table is a
// new flag, with its help, default and limits.
type specFlags struct {
	spec labeler.Spec
	set  []flagSet // the flags given, in order
}

// flagSet is one flag as given on the command line.
type flagSet struct {
	st   labeler.Setting
	text string
}

func newSpecFlags(fs *flag.FlagSet) *specFlags {
	f := &specFlags{spec: labeler.DefaultSpec()}
	for _, st := range labeler.Settings() {
		if st.HasFlag() {
			fs.Var(&settingFlag{st: st, spec: &f.spec, flags: f}, st.Name, flagHelp(st))
		}
	}
	return f
}

// resolve starts from the chosen profile's defaults (-profile eu puts the
// label top-right in English), applies the flags given on top, in order,
// and validates; the problems come one per line, each naming its flag.
func (f *specFlags) resolve() (labeler.Spec, error) {
	if p, err := labeler.LookupProfile(f.spec.Profile); err == nil {
		base := labeler.DefaultSpec()
		p.Apply(&base)
		for _, g := range f.set {
			if err := g.st.FlagValue().Set(&base, g.text); err != nil {
				return base, err
			}
		}
		f.spec = base
	}
	if err := f.spec.Validate(); err != nil {
		return f.spec, fmt.Errorf("invalid settings:\n  %s", strings.ReplaceAll(err.Error(), "\n", "\n  "))
	}
	return f.spec, nil
}

// settingFlag is one setting as a flag.Value.
type settingFlag struct {
	st    labeler.Setting
	spec  *labeler.Spec
	flags *specFlags
}

func (v *settingFlag) String() string {
	if v.spec == nil { // flag.PrintDefaults probes a zero Value
		return ""
	}
	return v.st.FlagValue().Text(v.spec)
}

func (v *settingFlag) Set(s string) error {
	if err := v.st.FlagValue().Set(v.spec, s); err != nil {
		return err
	}
	v.flags.set = append(v.flags.set, flagSet{v.st, s})
	return nil
}

// IsBoolFlag lets a switch be given as plain -person.
func (v *settingFlag) IsBoolFlag() bool { return v.st.Value.Type() == labeler.TypeBool }

// flagHelp is the help line: the sentence, the values allowed and the
// profile rule, then the same for settings set through this flag's syntax.
func flagHelp(st labeler.Setting) string {
	u := st.Help.En
	if l := st.Limits(); l != "" {
		u += " Allowed: " + l + "."
	}
	if st.Profile != nil {
		u += " Profile: " + st.Profile.Doc + "."
	}
	for _, via := range viaSettings(st.Name) {
		u += "\nN: " + flagHelp(via)
	}
	return u
}

// viaSettings are the settings that have no flag and are set through name's.
func viaSettings(name string) []labeler.Setting {
	var out []labeler.Setting
	for _, st := range labeler.Settings() {
		if !st.HasFlag() && strings.Fields(st.Via)[0] == name {
			out = append(out, st)
		}
	}
	return out
}

// printUsage lists the setting flags section by section, as the table
// orders them, then the command's own flags.
func printUsage(w io.Writer, fs *flag.FlagSet) {
	own := map[string]bool{}
	for _, sec := range labeler.Sections() {
		fmt.Fprintf(w, "\n%s:\n", sec.Title())
		for _, st := range labeler.Settings() {
			if st.Section == sec && st.HasFlag() {
				printFlag(w, fs.Lookup(st.Name), st.Placeholder())
				own[st.Name] = true
			}
		}
	}
	fmt.Fprintln(w, "\nRun:")
	fs.VisitAll(func(f *flag.Flag) {
		if !own[f.Name] {
			name, _ := flag.UnquoteUsage(f)
			printFlag(w, f, name)
		}
	})
}

// printFlag writes one flag as flag.PrintDefaults does.
func printFlag(w io.Writer, f *flag.Flag, placeholder string) {
	line := "  -" + f.Name
	if placeholder != "" {
		line += " " + placeholder
	}
	_, u := flag.UnquoteUsage(f)
	fmt.Fprintf(w, "%s\n    \t%s", line, strings.ReplaceAll(u, "\n", "\n    \t"))
	switch d := f.DefValue; {
	case d == "" || d == "false" || d == "0":
	case placeholder == "text" || placeholder == "list" || placeholder == "choice":
		fmt.Fprintf(w, " (default %q)", d)
	default:
		fmt.Fprintf(w, " (default %s)", d)
	}
	fmt.Fprintln(w)
}

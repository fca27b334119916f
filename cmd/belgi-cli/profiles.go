package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/belgi-kz/belgi/labeler"
)

// profileLine is one profile in `profiles -json`: the data, with what it
// enforces and sets spelled out as the reference does.
type profileLine struct {
	labeler.Profile
	Enforces []string `json:"enforces"`
	Sets     []string `json:"sets"`
	Default  bool     `json:"default,omitempty"`
}

func runProfiles(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("profiles", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the profiles as a JSON array")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: belgi-cli profiles [-json]   (the rule sets -profile picks, with their sources)")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		return exitUsage
	}
	def := labeler.DefaultSpec().Profile
	var lines []profileLine
	for _, p := range labeler.Profiles() {
		lines = append(lines, profileLine{Profile: p, Enforces: p.Enforces(), Sets: p.Sets(), Default: p.Name == def})
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(lines); err != nil {
			return exitFail
		}
		return exitOK
	}
	for _, l := range lines {
		printProfile(stdout, l)
	}
	return exitOK
}

// printProfile writes one profile as a short block for people.
func printProfile(w io.Writer, l profileLine) {
	head := l.Name + "  " + l.Title.En
	if len(l.Aliases) > 0 {
		head += "  (also: " + strings.Join(l.Aliases, ", ") + ")"
	}
	if l.Default {
		head += "  [default]"
	}
	fmt.Fprintln(w, head)
	fmt.Fprintf(w, "  source:   %s, %s\n", l.Source.Citation, l.Source.Date)
	if l.Source.URL != "" {
		fmt.Fprintf(w, "            %s\n", l.Source.URL)
	}
	fmt.Fprintf(w, "  enforces: %s\n", strings.Join(l.Enforces, "\n            "))
	fmt.Fprintf(w, "  sets:     %s\n\n", strings.Join(l.Sets, ", "))
}

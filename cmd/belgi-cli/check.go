package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/kinds"
)

// checkLine is one line of `check -json`: the report, flattened, with
// the file and any error.
type checkLine struct {
	Input string `json:"input"`
	labeler.Report
	Error string `json:"error,omitempty"` // "NAME: stage: cause"
	Stage string `json:"stage,omitempty"`
}

// trustSetting is the table's setting `check -trust` stands for.
const trustSetting = "c2pa-trust"

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print one JSON object per file")
	spec := labeler.DefaultSpec()
	bindSetting(fs, &spec, trustSetting, "trust", trustSetting)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: belgi-cli check [-json] [-trust anchors.pem] PATH...   (folders are walked recursively)")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "belgi-cli check: name at least one file or folder")
		return exitUsage
	}
	if err := spec.Validate(); err != nil {
		fmt.Fprintf(stderr, "belgi-cli check: %v\n", err)
		return exitUsage
	}
	return checkAll(kinds.Default(), spec, fs.Args(), *asJSON, stdout)
}

// bindSetting binds one setting of the table to flags of these names.
func bindSetting(fs *flag.FlagSet, spec *labeler.Spec, setting string, names ...string) {
	for _, st := range labeler.Settings() {
		if st.Name == setting {
			for _, n := range names {
				fs.Var(&settingFlag{st: st, spec: spec}, n, flagHelp(st))
			}
		}
	}
}

func checkAll(reg *labeler.Registry, spec labeler.Spec, paths []string, asJSON bool, stdout io.Writer) int {
	inputs, errs := reg.ExpandAll(paths)
	code := exitOK
	for _, err := range errs {
		line := checkLine{}
		line.Error, line.Stage = errorParts(err)
		printCheck(stdout, asJSON, line)
		code = exitFail
	}
	for _, in := range inputs {
		if in.Skip != "" {
			continue
		}
		rep, err := reg.Check(context.Background(), spec, in.Path)
		line := checkLine{Input: in.Path, Report: rep}
		line.Error, line.Stage = errorParts(err)
		if err != nil {
			code = exitFail
		}
		printCheck(stdout, asJSON, line)
	}
	return code
}

func printCheck(w io.Writer, asJSON bool, l checkLine) {
	if asJSON {
		b, _ := json.Marshal(l)
		fmt.Fprintln(w, string(b))
		return
	}
	switch {
	case l.Error != "":
		fmt.Fprintf(w, "error      %s\n", l.Error)
	case l.Labeled:
		fmt.Fprintf(w, "labeled    %s (%s; %s)\n", l.Input, strings.Join(l.Layers, ", "), shortDST(l.DigitalSourceType))
	case l.AIFound():
		fmt.Fprintf(w, "AI         %s (%s; %s)\n", l.Input, strings.Join(l.Provenance, ", "), shortDST(l.DigitalSourceType))
	default:
		fmt.Fprintf(w, "unlabeled  %s\n", l.Input)
	}
	printCredentials(w, l.Credentials)
	for _, warn := range l.Warnings {
		fmt.Fprintf(w, "           warning: %s\n", warn)
	}
}

// printCredentials lists the manifest chain, one line per manifest.
func printCredentials(w io.Writer, c *labeler.Credentials) {
	if c == nil {
		return
	}
	where := ""
	if c.Sidecar != "" {
		where = " (sidecar " + c.Sidecar + ")"
	}
	fmt.Fprintf(w, "           Content Credentials: %s%s\n", c.State, where)
	for _, m := range c.Manifests {
		fmt.Fprintf(w, "           %s%s\n", strings.Repeat("  ", m.Depth), manifestLine(m))
	}
}

func manifestLine(m labeler.Manifest) string {
	parts := []string{orDash(m.Signer)}
	if !m.Time.IsZero() {
		parts = append(parts, m.Time.UTC().Format(time.DateTime))
	}
	if m.Generator != "" {
		parts = append(parts, m.Generator)
	}
	for _, a := range m.Actions {
		s := strings.TrimPrefix(a.Action, "c2pa.")
		if a.DigitalSourceType != "" {
			s += " (" + shortDST(a.DigitalSourceType) + ")"
		}
		parts = append(parts, s)
	}
	if len(m.Failure) > 0 {
		parts = append(parts, "failed: "+strings.Join(m.Failure, ", "))
	}
	return strings.Join(parts, "; ")
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func shortDST(uri string) string {
	if i := strings.LastIndex(uri, "/"); i >= 0 {
		return uri[i+1:]
	}
	return uri
}

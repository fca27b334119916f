package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

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

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print one JSON object per file")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: belgi-cli check [-json] PATH...   (folders are walked recursively)")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "belgi-cli check: name at least one file or folder")
		return exitUsage
	}
	reg := kinds.Default()
	inputs, errs := reg.ExpandAll(fs.Args())
	code := exitOK
	for _, err := range errs {
		line := checkLine{}
		line.Error, line.Stage = errorParts(err)
		printCheck(stdout, *asJSON, line)
		code = exitFail
	}
	for _, in := range inputs {
		if in.Skip != "" {
			continue
		}
		line := checkOne(reg, in.Path)
		if line.Error != "" {
			code = exitFail
		}
		printCheck(stdout, *asJSON, line)
	}
	return code
}

func checkOne(reg *labeler.Registry, path string) checkLine {
	rep, err := reg.Check(context.Background(), path)
	line := checkLine{Input: path, Report: rep}
	line.Error, line.Stage = errorParts(err)
	return line
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
	default:
		fmt.Fprintf(w, "unlabeled  %s\n", l.Input)
	}
	for _, warn := range l.Warnings {
		fmt.Fprintf(w, "           warning: %s\n", warn)
	}
}

func shortDST(uri string) string {
	if i := strings.LastIndex(uri, "/"); i >= 0 {
		return uri[i+1:]
	}
	return uri
}

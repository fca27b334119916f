package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/kinds"
)

// labelLine is one line of `label -json`.
type labelLine struct {
	Input        string   `json:"input"`
	Output       string   `json:"output,omitempty"`
	Kind         string   `json:"kind,omitempty"`
	Status       string   `json:"status"`
	Error        string   `json:"error,omitempty"` // "NAME: stage: cause"
	Stage        string   `json:"stage,omitempty"` // decode, label, write or read-back
	Reason       string   `json:"reason,omitempty"`
	Layers       []string `json:"layers,omitempty"`
	Notes        []string `json:"notes,omitempty"`
	LabelArea    float64  `json:"label_area,omitempty"`
	InputSHA256  string   `json:"input_sha256,omitempty"`
	OutputSHA256 string   `json:"output_sha256,omitempty"`
}

func runLabel(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("label", flag.ContinueOnError)
	fs.SetOutput(stderr)
	sf := newSpecFlags(fs)
	jobs := fs.Int("jobs", 0, "files labeled at once (default: number of CPUs)")
	asJSON := fs.Bool("json", false, "print one JSON object per input")
	audit := fs.String("audit", "", "append a JSON Lines audit record per file to this log")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: belgi-cli label [flags] PATH...   (folders are walked recursively)")
		printUsage(stderr, fs)
	}
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "belgi-cli label: name at least one file or folder")
		return exitUsage
	}
	spec, err := sf.resolve()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err == nil {
		err = checkEncoder(ctx, spec)
	}
	if err != nil {
		fmt.Fprintf(stderr, "belgi-cli label: %v\n", err)
		return exitUsage
	}
	reg := kinds.Default()
	inputs, errs := reg.Expand(fs.Args(), spec.Out)
	var log *auditLog
	if *audit != "" {
		if log, err = openAudit(*audit, spec); err != nil {
			fmt.Fprintf(stderr, "belgi-cli label: %v\n", err)
			return exitUsage
		}
		defer log.Close()
	}
	bar := newProgress(stderr, len(inputs))
	results := labeler.Batch{Registry: reg, Spec: spec, Jobs: *jobs, OnEvent: bar.event}.Run(ctx, inputs)
	bar.finish()
	failed := len(errs) > 0
	for _, err := range errs {
		report(stdout, stderr, *asJSON, labeler.Result{Status: labeler.StatusError, Err: err})
	}
	for _, r := range results {
		failed = failed || r.Status == labeler.StatusError
		report(stdout, stderr, *asJSON, r)
		log.Record(r)
	}
	if !*asJSON {
		summary(stderr, results, len(errs))
	}
	if failed {
		return exitFail
	}
	return exitOK
}

func report(stdout, stderr io.Writer, asJSON bool, r labeler.Result) {
	line := labelLine{Input: r.Input, Output: r.Output, Kind: r.Kind, Status: string(r.Status),
		Reason: r.Reason, Layers: r.Layers, Notes: r.Notes, LabelArea: r.LabelArea, InputSHA256: r.InputSHA256, OutputSHA256: r.OutputSHA256}
	line.Error, line.Stage = errorParts(r.Err)
	if asJSON {
		b, _ := json.Marshal(line)
		fmt.Fprintln(stdout, string(b))
		return
	}
	switch r.Status {
	case labeler.StatusOK:
		fmt.Fprintf(stdout, "ok       %s -> %s (%s: %v)\n", r.Input, r.Output, r.Kind, r.Layers)
		for _, n := range r.Notes {
			fmt.Fprintf(stdout, "         note: %s\n", n)
		}
	case labeler.StatusSkipped:
		fmt.Fprintf(stdout, "skipped  %s: %s\n", r.Input, r.Reason)
	default:
		fmt.Fprintf(stderr, "error    %s\n", line.Error)
	}
}

// errorParts is a file's error for the report: its full text, "NAME:
// stage: cause", and the stage on its own.
func errorParts(err error) (text, stage string) {
	if err == nil {
		return "", ""
	}
	var fe *labeler.FileError
	if errors.As(err, &fe) {
		stage = string(fe.Stage)
	}
	return err.Error(), stage
}

func summary(w io.Writer, results []labeler.Result, extraErrors int) {
	var ok, skipped, failed int
	for _, r := range results {
		switch r.Status {
		case labeler.StatusOK:
			ok++
		case labeler.StatusSkipped:
			skipped++
		default:
			failed++
		}
	}
	fmt.Fprintf(w, "%d labeled, %d skipped, %d failed\n", ok, skipped, failed+extraErrors)
}

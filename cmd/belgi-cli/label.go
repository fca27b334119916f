package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime/debug"

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
	audit := fs.String("audit", "", "append a record per file to this ledger (tamper-evident JSON Lines; check with 'audit verify')")
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
	if err != nil {
		fmt.Fprintf(stderr, "belgi-cli label: %v\n", err)
		return exitUsage
	}
	// The budget also bounds Go's heap: the collector works harder near it
	// instead of letting garbage push the process past it.
	debug.SetMemoryLimit(labeler.MemoryBudget(spec))
	stop := onStopSignals()
	defer stop.stop()
	if err := checkEncoder(stop.ctx, spec); err != nil {
		fmt.Fprintf(stderr, "belgi-cli label: %v\n", err)
		return exitUsage
	}
	l := labelRun{spec: spec, jobs: *jobs, asJSON: *asJSON, stdout: stdout, stderr: stderr}
	return stop.code(l.run(stop, fs.Args(), *audit))
}

// labelRun is one `label` invocation after its flags are parsed.
type labelRun struct {
	spec           labeler.Spec
	jobs           int
	asJSON         bool
	stdout, stderr io.Writer
}

// run labels paths, recording each file in the ledger at audit (if any)
// as it finishes. A stop signal cancels the batch: unfinished files
// leave nothing behind, and the ledger keeps what was done.
func (l labelRun) run(stop *interrupt, paths []string, audit string) int {
	ctx, cancel := context.WithCancel(stop.ctx)
	defer cancel()
	reg := kinds.Default()
	inputs, errs := reg.Expand(paths, l.spec.Out)
	log, err := openBatchLedger(audit, l.spec, cancel)
	if err == nil {
		err = log.resume(reg, l.spec, inputs)
	}
	if err != nil {
		fmt.Fprintf(l.stderr, "belgi-cli label: %v\n", err)
		return exitFail
	}
	bar := newProgress(l.stderr, len(inputs))
	onEvent := func(ev labeler.Event) {
		bar.event(ev)
		if ev.Result != nil {
			log.record(*ev.Result)
		}
	}
	results := labeler.Batch{Registry: reg, Spec: l.spec, Jobs: l.jobs, OnEvent: onEvent}.Run(ctx, inputs)
	bar.finish()
	for _, err := range errs {
		log.record(labeler.Result{Status: labeler.StatusError, Err: err})
	}
	status := l.print(results, errs)
	if err := log.close(); err != nil {
		fmt.Fprintf(l.stderr, "belgi-cli label: the ledger was not fully written: %v\n", err)
		status = exitFail
	}
	if sig := stop.signalled(); sig != "" {
		fmt.Fprintf(l.stderr, "belgi-cli label: stopped by %s; unfinished files left nothing behind\n", sig)
	}
	return status
}

// print reports every file and the summary, and returns the exit status.
func (l labelRun) print(results []labeler.Result, errs []error) int {
	failed := len(errs) > 0
	for _, err := range errs {
		report(l.stdout, l.stderr, l.asJSON, labeler.Result{Status: labeler.StatusError, Err: err})
	}
	for _, r := range results {
		failed = failed || r.Status == labeler.StatusError
		report(l.stdout, l.stderr, l.asJSON, r)
	}
	if !l.asJSON {
		summary(l.stderr, results, len(errs))
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

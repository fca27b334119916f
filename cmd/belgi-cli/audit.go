package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/ledger"
)

// runAudit dispatches `audit verify` and `audit export`.
func runAudit(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "verify":
			return runVerify(args[1:], stdout, stderr)
		case "export":
			return runExport(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintln(stderr, "Usage: belgi-cli audit verify [flags] LEDGER   check that no line was edited, removed or reordered")
	fmt.Fprintln(stderr, "       belgi-cli audit export -format csv|html [-o FILE] LEDGER   a report for people")
	return exitUsage
}

func runVerify(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("audit verify", flag.ContinueOnError)
	fs.SetOutput(stderr)
	head := fs.String("head", "", "a head printed by an earlier verify: it must still be in the ledger")
	outputs := fs.Bool("outputs", true, "re-hash the labeled copies still on disk and report any that changed")
	asJSON := fs.Bool("json", false, "print the verification as JSON")
	path, ok := parseLedgerArgs(fs, args, stderr)
	if !ok {
		return exitUsage
	}
	v, err := ledger.Verify(path, ledger.Options{Outputs: *outputs, Head: *head})
	if err != nil {
		fmt.Fprintf(stderr, "belgi-cli audit verify: %v\n", err)
		return exitFail
	}
	if *asJSON {
		b, _ := json.MarshalIndent(v, "", "  ")
		fmt.Fprintln(stdout, string(b))
	} else {
		printVerification(stdout, v, *outputs)
	}
	if !v.OK() {
		return exitFail
	}
	return exitOK
}

// printVerification says what verify found, the verdict first.
func printVerification(w io.Writer, v ledger.Verification, outputs bool) {
	if v.Problem != nil {
		fmt.Fprintf(w, "FAILED  %s: %s\n", v.Path, v.Problem.What)
	} else {
		fmt.Fprintf(w, "ok      %s: %d records, every line in place and unchanged\n", v.Path, v.Records)
	}
	if v.Head != "" {
		fmt.Fprintf(w, "head    %s (line %d): keep it elsewhere; 'audit verify -head' checks the ledger was not rewritten up to it\n", v.Head, v.HeadLine)
	}
	if !outputs {
		return
	}
	fmt.Fprintf(w, "outputs %d checked, %d changed since labeling, %d no longer on disk\n", v.Checked, len(v.Changed), len(v.Missing))
	for _, c := range v.Changed {
		fmt.Fprintf(w, "CHANGED %s (line %d): recorded %s, now %s\n", c.Output, c.Line, c.Recorded, c.Now)
	}
}

func runExport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("audit export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", ledger.FormatHTML, "report format: csv or html")
	out := fs.String("o", "", "write the report to this file (default: standard output)")
	lang := fs.String("lang", "en", "language of the HTML report: kk, ru or en")
	outputs := fs.Bool("outputs", true, "re-hash the labeled copies still on disk for the verdict")
	path, ok := parseLedgerArgs(fs, args, stderr)
	if !ok {
		return exitUsage
	}
	*format = strings.ToLower(*format)
	if *format != ledger.FormatCSV && *format != ledger.FormatHTML || !labeler.Lang(*lang).Known() {
		fmt.Fprintf(stderr, "belgi-cli audit export: -format is csv or html, -lang kk, ru or en\n")
		return exitUsage
	}
	r, err := ledger.NewReport(path, ledger.Options{Outputs: *outputs}, labeler.Lang(*lang))
	if err == nil {
		err = writeReport(r, *format, *out, stdout)
	}
	if err != nil {
		fmt.Fprintf(stderr, "belgi-cli audit export: %v\n", err)
		return exitFail
	}
	return exitOK
}

// parseLedgerArgs parses flags and the one ledger path after them.
func parseLedgerArgs(fs *flag.FlagSet, args []string, stderr io.Writer) (string, bool) {
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: belgi-cli %s [flags] LEDGER\n", fs.Name())
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return "", false
	}
	if fs.NArg() != 1 {
		fmt.Fprintf(stderr, "belgi-cli %s: name one ledger file\n", fs.Name())
		return "", false
	}
	return fs.Arg(0), true
}

// writeReport writes the report to the file out, or to stdout.
func writeReport(r ledger.Report, format, out string, stdout io.Writer) error {
	switch {
	case out != "":
		return r.WriteFile(out, format)
	case format == ledger.FormatCSV:
		return r.WriteCSV(stdout)
	}
	return r.WriteHTML(stdout)
}

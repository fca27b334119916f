// Command belgi-cli labels AI-made media from scripts and pipelines: the
// same core as the Belgi desktop app, with no GUI and no cgo.
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/belgi-kz/belgi/internal/scratch"
)

// Exit codes: 0 every file ok or skipped, 1 any file failed, 2 usage.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

// command is one subcommand: it parses its own flags from args.
type command struct {
	name, summary string
	run           func(args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"label", "label files and folders (writes labeled copies)", runLabel},
		{"check", "report AI provenance and Belgi labels found in files", runCheck},
		{"notice", "write a spoken notice on its own", runNotice},
		{"assets", "write the label as assets for a video editor's timeline", runAssets},
		{"c2pa", "make a C2PA signing key and certificate request (c2pa csr)", runC2PA},
		{"profiles", "list the rule sets -profile picks, with their sources", runProfiles},
		{"audit", "verify a ledger, or export it as a CSV or HTML report", runAudit},
		{"version", "print the version", runVersion},
	}
}

func main() {
	code := run(os.Args[1:], os.Stdout, os.Stderr)
	scratch.Release() // this run's temporary files are gone by now
	os.Exit(code)
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "-help" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "belgi-cli: unknown command %q\n\n", args[0])
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Belgi labels AI-made media: a label people perceive plus machine-readable marks.")
	fmt.Fprintln(w, "\nUsage: belgi-cli COMMAND [flags] [PATH...]")
	fmt.Fprintln(w, "\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'belgi-cli COMMAND -h' for a command's flags.")
}

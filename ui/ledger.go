package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2/dialog"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/ledger"
)

// The app records every export, file by file, in its own ledger in the
// user's data folder, and beside the outputs too when the ledger-beside
// setting is on. The History window reads it back.

// ledgerName is the app's ledger in its storage folder.
const ledgerName = "ledger.jsonl"

// ledgerPath is the app's own ledger: in Fyne's storage folder for the
// app, or else in the user's config folder.
func (u *App) ledgerPath() string {
	if root := u.fyne.Storage().RootURI(); root != nil && root.Scheme() == "file" {
		return filepath.Join(root.Path(), ledgerName)
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		dir = os.TempDir()
	}
	return filepath.Join(dir, "belgi", ledgerName)
}

// openLedger opens the app's ledger, making its folder. One whose last
// line was cut off (a crash mid-write) cannot be continued: it is kept
// as it is under a dated name, and aside returns that name.
func openLedger(path string) (l *ledger.Ledger, aside string, err error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, "", err
	}
	l, err = ledger.Open(path)
	if !errors.Is(err, ledger.ErrIncomplete) {
		return l, "", err
	}
	aside = strings.TrimSuffix(path, ".jsonl") + "-damaged-" + time.Now().UTC().Format("20060102-150405") + ".jsonl"
	if err := os.Rename(path, aside); err != nil {
		return nil, "", err
	}
	l, err = ledger.Open(path)
	return l, aside, err
}

// exportRecord is one export's side of the ledger.
type exportRecord struct {
	main  *ledger.Ledger
	rec   *ledger.Recorder
	aside string // a damaged ledger set aside, "" if none
	err   error  // the ledger could not be opened, or a record written
}

// startRecord opens the ledger for an export and marks the inputs the
// ledger proves already labeled (a re-run after a crash labels only the
// rest). It runs off the UI goroutine: resuming hashes files. A failure
// means the export must not start.
func startRecord(path string, reg *labeler.Registry, spec labeler.Spec, inputs []labeler.Input, stop func()) *exportRecord {
	r := &exportRecord{}
	r.main, r.aside, r.err = openLedger(path)
	if r.err != nil {
		return r
	}
	recs, err := ledger.Read(path)
	if err != nil {
		r.err = err
		return r
	}
	ledger.Resume(recs, reg, spec, inputs)
	r.rec = ledger.NewRecorder(r.main, spec)
	r.rec.Stop = stop
	return r
}

// record appends one finished file; safe from the batch's workers.
func (r *exportRecord) record(res labeler.Result) {
	if r.rec != nil {
		r.rec.Record(res)
	}
}

// finish closes the ledgers and keeps the first failure to record.
func (r *exportRecord) finish() {
	if r.rec == nil {
		return
	}
	r.err = errors.Join(r.rec.Err(), r.rec.Close(), r.main.Close())
}

// showLedgerProblem tells the person, in a dialog they must close, that
// the record could not be kept; labeling without it is not provable.
func (u *App) showLedgerProblem(r *exportRecord) {
	switch {
	case r.err != nil:
		msg := u.tr.L("The ledger could not be written, so the export was stopped. Files labeled before this are recorded; the others were not labeled.")
		dialog.ShowError(fmt.Errorf("%s\n\n%w", msg, r.err), u.win)
	case r.aside != "":
		u.bar.idle(u.tr.L("The ledger's last line was cut off; it was kept as {{.Name}} and a new ledger started.", map[string]any{"Name": filepath.Base(r.aside)}))
	}
}

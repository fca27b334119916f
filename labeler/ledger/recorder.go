package ledger

import (
	"errors"
	"os"
	"path/filepath"
	"sync"

	"github.com/belgi-kz/belgi/labeler"
)

// Recorder writes one batch's results to its ledgers: a main one (the
// CLI's -audit file, the app's own) and, when the spec asks, one beside
// the outputs (FileName in the output folder). It is safe for concurrent
// use, so a batch's event handler can record each file as it finishes.
type Recorder struct {
	Session Session
	// Stop, if set, is called once, at the first record that cannot be
	// written: labeling on without a record would be unprovable, so
	// callers cancel the batch.
	Stop   func()
	main   *Ledger
	beside bool
	outDir string

	mu     sync.Mutex
	open   map[string]*Ledger
	failed error
}

// NewRecorder records a batch labeled with spec into main (may be nil).
func NewRecorder(main *Ledger, spec labeler.Spec) *Recorder {
	out := spec.Out.Dir
	if out != "" {
		out, _ = filepath.Abs(out)
	}
	return &Recorder{Session: NewSession(spec), main: main, beside: spec.Ledger.BesideOutput, outDir: out, open: map[string]*Ledger{}}
}

// Record appends the file's line to every ledger that should hold it.
func (r *Recorder) Record(res labeler.Result) error {
	rec := r.Session.Record(res)
	var errs []error
	if r.main != nil {
		_, err := r.main.Append(rec)
		errs = append(errs, err)
	}
	if l, err := r.besideFor(res.Output); l != nil || err != nil {
		if err == nil {
			_, err = l.Append(rec)
		}
		errs = append(errs, err)
	}
	err := errors.Join(errs...)
	if err != nil {
		r.fail(err)
	}
	return err
}

// fail remembers a failure and stops the batch at the first one.
func (r *Recorder) fail(err error) {
	r.mu.Lock()
	first := r.failed == nil
	r.failed = errors.Join(r.failed, err)
	r.mu.Unlock()
	if first && r.Stop != nil {
		r.Stop()
	}
}

// Err is every failure to record so far, nil when all went in.
func (r *Recorder) Err() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.failed
}

// besideFor is the ledger beside an output: in the output folder the
// user chose, or else in the output's own folder. A folder that does not
// exist (the file failed before writing) gets no ledger, and so no
// folder is made for it.
func (r *Recorder) besideFor(output string) (*Ledger, error) {
	if !r.beside || output == "" {
		return nil, nil
	}
	dir := r.outDir
	if dir == "" {
		dir = filepath.Dir(output)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if l := r.open[dir]; l != nil {
		return l, nil
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, nil
	}
	l, err := Open(filepath.Join(dir, FileName))
	if err == nil {
		r.open[dir] = l
	}
	return l, err
}

// Close closes the ledgers beside the outputs; the main one is the
// caller's.
func (r *Recorder) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	var errs []error
	for _, l := range r.open {
		errs = append(errs, l.Close())
	}
	r.open = map[string]*Ledger{}
	return errors.Join(errs...)
}

package main

import (
	"errors"
	"sync"

	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/ledger"
)

// batchLedger records a label run in the -audit ledger (and beside the
// outputs when asked) file by file as each finishes, so a run killed
// half-way keeps the record of what it finished. The first write failure
// stops the batch: labeling on without a record would be unprovable.
type batchLedger struct {
	main *ledger.Ledger
	rec  *ledger.Recorder
	stop func()

	mu  sync.Mutex
	err error
}

// openBatchLedger opens the ledger at path ("" for none) for a batch
// labeled with spec; stop cancels the batch if a record cannot be
// written. With no ledger asked for at all it returns nil, which records
// nothing.
func openBatchLedger(path string, spec labeler.Spec, stop func()) (*batchLedger, error) {
	if path == "" && !spec.Ledger.BesideOutput {
		return nil, nil
	}
	b := &batchLedger{stop: stop}
	if path != "" {
		l, err := ledger.Open(path)
		if err != nil {
			return nil, err
		}
		b.main = l
	}
	b.rec = ledger.NewRecorder(b.main, spec)
	return b, nil
}

// resume marks the inputs the ledger proves already labeled.
func (b *batchLedger) resume(reg *labeler.Registry, spec labeler.Spec, inputs []labeler.Input) error {
	if b == nil || b.main == nil {
		return nil
	}
	recs, err := ledger.Read(b.main.Path())
	if err != nil {
		return err
	}
	ledger.Resume(recs, reg, spec, inputs)
	return nil
}

// record appends one file's line; safe from the batch's workers.
func (b *batchLedger) record(r labeler.Result) {
	if b == nil {
		return
	}
	if err := b.rec.Record(r); err != nil {
		b.mu.Lock()
		first := b.err == nil
		b.err = errors.Join(b.err, err)
		b.mu.Unlock()
		if first {
			b.stop()
		}
	}
}

// close closes the ledgers and returns the first failure to record.
func (b *batchLedger) close() error {
	if b == nil {
		return nil
	}
	errs := []error{b.rec.Close()}
	if b.main != nil {
		errs = append(errs, b.main.Close())
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	return errors.Join(append([]error{b.err}, errs...)...)
}

// batchID is the batch's ID in the ledger, "" with no ledger.
func (b *batchLedger) batchID() string {
	if b == nil {
		return ""
	}
	return b.rec.Session.Batch
}

package main

import (
	"errors"

	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/ledger"
)

// batchLedger records a label run in the -audit ledger (and beside the
// outputs when asked) file by file as each finishes, so a run killed
// half-way keeps the record of what it finished. The first write failure
// stops the batch.
type batchLedger struct {
	main *ledger.Ledger
	rec  *ledger.Recorder
}

// openBatchLedger opens the ledger at path ("" for none) for a batch
// labeled with spec; stop cancels the batch if a record cannot be
// written. With no ledger asked for at all it returns nil, which records
// nothing.
func openBatchLedger(path string, spec labeler.Spec, stop func()) (*batchLedger, error) {
	if path == "" && !spec.Ledger.BesideOutput {
		return nil, nil
	}
	b := &batchLedger{}
	if path != "" {
		l, err := ledger.Open(path)
		if err != nil {
			return nil, err
		}
		b.main = l
	}
	b.rec = ledger.NewRecorder(b.main, spec)
	b.rec.Stop = stop
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

// record appends one file's line; safe from the batch's workers. A
// failure is kept for close and stops the batch.
func (b *batchLedger) record(r labeler.Result) {
	if b != nil {
		b.rec.Record(r)
	}
}

// close closes the ledgers and returns every failure to record.
func (b *batchLedger) close() error {
	if b == nil {
		return nil
	}
	errs := []error{b.rec.Err(), b.rec.Close()}
	if b.main != nil {
		errs = append(errs, b.main.Close())
	}
	return errors.Join(errs...)
}

package ui

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"time"

	"github.com/belgi-kz/belgi/labeler"
)

// exportJob is one export: the files it covers (the list may change
// while it runs) and the batch's progress, written by the core's workers
// and read by the UI goroutine, both under mu.
type exportJob struct {
	items  []*fileItem
	cancel context.CancelFunc
	ui     *throttle
	record *exportRecord // set before the batch starts

	mu        sync.Mutex
	fractions []float64
	remaining []time.Duration
	results   []*labeler.Result
	current   string
}

// event is the batch's OnEvent: quick, from any worker.
func (j *exportJob) event(ev labeler.Event) {
	j.mu.Lock()
	if ev.Result != nil {
		j.results[ev.Index] = ev.Result
	} else {
		j.fractions[ev.Index], j.remaining[ev.Index] = ev.Fraction, ev.Remaining
	}
	j.current = filepath.Base(ev.Input)
	j.mu.Unlock()
}

// export labels every file in the list with the current settings.
func (u *App) export() {
	if u.job != nil || len(u.files.items) == 0 || !u.settings.check() {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	j := &exportJob{items: append([]*fileItem(nil), u.files.items...), cancel: cancel, ui: newThrottle(u.bridge)}
	j.fractions = make([]float64, len(j.items))
	j.remaining = make([]time.Duration, len(j.items))
	j.results = make([]*labeler.Result, len(j.items))
	inputs := make([]labeler.Input, len(j.items))
	for i, f := range j.items {
		inputs[i] = f.input
		f.status, f.reason, f.stage, f.fraction = statusWaiting, "", "", 0
		if f.kind == nil {
			f.status, f.reason = statusUnsupported, f.input.Skip
		}
	}
	u.job = j
	u.settings.remember(rememberAISystem(u.fyne.Preferences(), u.spec.AISystem.Name))
	u.updateActions()
	u.showProgress(j)
	batch := labeler.Batch{Registry: u.reg, Spec: u.spec, OnEvent: func(ev labeler.Event) {
		j.event(ev)
		if ev.Result != nil {
			j.record.record(*ev.Result)
		}
		j.ui.update(func() { u.showProgress(j) })
	}}
	path, spec := u.ledgerPath(), u.spec
	u.bridge.start(func() {
		var results []labeler.Result
		if j.record = startRecord(path, u.reg, spec, inputs, cancel); j.record.err == nil {
			results = batch.Run(ctx, inputs)
			j.record.finish()
		}
		j.ui.final(func() { u.finished(j, results, ctx.Err() != nil) })
	})
}

// showProgress copies the job's progress to the rows and the status bar.
func (u *App) showProgress(j *exportJob) {
	if u.job != j {
		return
	}
	j.mu.Lock()
	done, sum := 0, 0.0
	for i, f := range j.items {
		if r := j.results[i]; r != nil {
			done++
			sum++
			applyResult(f, r)
		} else if fr := j.fractions[i]; fr > 0 {
			f.status, f.fraction, f.remaining = statusWorking, fr, j.remaining[i]
			sum += fr
		}
	}
	current := j.current
	j.mu.Unlock()
	u.files.Refresh()
	text := u.tr.L("{{.Done}} of {{.Total}} · {{.Name}}", map[string]any{"Done": done, "Total": len(j.items), "Name": current})
	u.bar.working(sum/float64(max(1, len(j.items))), text)
}

// applyResult sets a row from its file's result.
func applyResult(f *fileItem, r *labeler.Result) {
	switch r.Status {
	case labeler.StatusOK:
		f.status, f.reason, f.output = statusLabeled, "", r.Output
	case labeler.StatusSkipped:
		if f.status != statusUnsupported {
			f.status, f.reason = statusSkipped, r.Reason
		}
		f.output = r.Output
	default:
		if errors.Is(r.Err, context.Canceled) {
			f.status, f.reason = statusWaiting, ""
		} else {
			f.status = statusFailed
			f.stage, f.reason = failure(r.Err)
		}
	}
	f.fraction = 0
}

// cancelExport stops the export in progress; files not finished keep no
// partial output (the core writes to a temporary file and renames).
func (u *App) cancelExport() {
	if u.job == nil {
		return
	}
	u.job.cancel()
	u.bar.cancelling(u.tr.L("Cancelling…"))
}

// finished ends an export: rows get their results and, unless it was
// cancelled, one summary opens.
func (u *App) finished(j *exportJob, results []labeler.Result, cancelled bool) {
	for i := range results {
		applyResult(j.items[i], &results[i])
	}
	u.job = nil
	if u.quitting {
		u.fyne.Quit()
		return
	}
	u.files.Refresh()
	u.updateActions()
	u.showLedgerProblem(j.record)
	if results == nil {
		return // the ledger could not be opened: nothing was labeled
	}
	s := newSummary(u, results)
	if cancelled {
		u.bar.idle(u.tr.L("Export cancelled. Labeled: {{.N}}.", map[string]any{"N": s.labeled}))
		return
	}
	u.summary = s
	u.bar.idle(s.line())
	s.show()
}

package ui

import (
	"context"
	"strings"
	"sync"

	"fyne.io/fyne/v2/widget"
	"github.com/belgi-kz/belgi/labeler"
)

// arrival is what a file arrives with, as the core's Check reads it: its
// Content Credentials, AI statements in any metadata, Belgi's label.
type arrival struct {
	report *labeler.Report // nil when it could not be read
	err    string
}

// notes are the row's words for what the file arrives with, most
// pressing first; none for a file that says nothing of AI.
func (a *arrival) notes(tr *translator) []string {
	if a == nil || a.report == nil {
		return nil
	}
	r := a.report
	var out []string
	switch {
	case r.Labeled:
		out = append(out, tr.L("Already labeled by Belgi"))
	case credentialsAI(r) != nil:
		out = append(out, tr.L("AI per Content Credentials ({{.Signer}})", map[string]any{"Signer": signerName(tr, credentialsAI(r))}))
	case r.AIFound():
		out = append(out, tr.L("AI metadata but no visible label"))
	}
	if c := r.Credentials; c != nil && c.State == labeler.StateInvalid {
		out = append(out, tr.L("Content Credentials invalid"))
	}
	return out
}

// importance colours the row: a warning for AI without a label or
// broken credentials, success for a file Belgi already labeled.
func (a *arrival) importance() widget.Importance {
	switch {
	case a == nil || a.report == nil:
		return widget.MediumImportance
	case a.report.Labeled && (a.report.Credentials == nil || a.report.Credentials.State != labeler.StateInvalid):
		return widget.SuccessImportance
	case a.report.AIFound() || a.report.Credentials != nil && a.report.Credentials.State == labeler.StateInvalid:
		return widget.WarningImportance
	}
	return widget.MediumImportance
}

// credentialsAI is the first manifest of the chain that declares AI.
func credentialsAI(r *labeler.Report) *labeler.Manifest {
	if r.Credentials == nil {
		return nil
	}
	for i := range r.Credentials.Manifests {
		if r.Credentials.Manifests[i].AI() {
			return &r.Credentials.Manifests[i]
		}
	}
	return nil
}

func signerName(tr *translator, m *labeler.Manifest) string {
	if m.Signer == "" {
		return tr.L("signer unknown")
	}
	return m.Signer
}

// checker reads what added files arrive with, one at a time on one
// goroutine, so a folder of thousands never competes with the export or
// the preview for more than one core; results reach the UI through the
// bridge.
type checker struct {
	b       *bridge
	reg     *labeler.Registry
	mu      sync.Mutex
	queue   []queued
	running bool
	ctx     context.Context
	stop    context.CancelFunc
	// spec gives the trust anchors; done is called on the UI goroutine
	// with each file checked.
	spec func() labeler.Spec
	done func(*fileItem)
}

func newChecker(b *bridge, reg *labeler.Registry, spec func() labeler.Spec, done func(*fileItem)) *checker {
	ctx, stop := context.WithCancel(context.Background())
	return &checker{b: b, reg: reg, ctx: ctx, stop: stop, spec: spec, done: done}
}

// queued is a file to check with the settings of the moment it was
// queued (the trust anchors), read on the UI goroutine.
type queued struct {
	f    *fileItem
	spec labeler.Spec
}

// add queues files to check; files no kind knows are not.
func (c *checker) add(items []*fileItem) {
	spec := c.spec()
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, f := range items {
		if f.kind != nil && f.arrival == nil {
			c.queue = append(c.queue, queued{f, spec})
		}
	}
	if !c.running && len(c.queue) > 0 {
		c.running = true
		c.b.start(c.run)
	}
}

// close stops checking: the window is going away.
func (c *checker) close() { c.stop() }

func (c *checker) run() {
	for {
		c.mu.Lock()
		if len(c.queue) == 0 || c.ctx.Err() != nil {
			c.queue, c.running = nil, false
			c.mu.Unlock()
			return
		}
		q := c.queue[0]
		c.queue = c.queue[1:]
		c.mu.Unlock()
		f, a := q.f, &arrival{}
		rep, err := c.reg.Check(c.ctx, q.spec, f.input.Path)
		if err != nil {
			a.err = strings.TrimPrefix(err.Error(), f.name()+": ")
		} else {
			a.report = &rep
		}
		c.b.post(func() { f.arrival = a; c.done(f) })
	}
}

package ui

import (
	"bytes"
	"context"
	"os"

	"github.com/belgi-kz/belgi/labeler"
)

// gateKind is a media kind for UI tests whose files finish when the test
// says, not when the machine gets round to it: a ".fk" file starting
// "QUICK" is labeled at once; one starting "BLOCK" writes part of its
// output, reports on started, and waits until the export is cancelled.
type gateKind struct{ started chan string }

var gateMark = []byte("\n#belgi " + labeler.DSTTrained)

func newGateKind() gateKind { return gateKind{started: make(chan string, 64)} }

func (gateKind) Name() string         { return "fake" }
func (gateKind) Extensions() []string { return []string{".fk"} }
func (gateKind) Sniff(h []byte) bool {
	return bytes.HasPrefix(h, []byte("QUICK")) || bytes.HasPrefix(h, []byte("BLOCK"))
}

func (k gateKind) Label(ctx context.Context, job labeler.Job) (labeler.Outcome, error) {
	data, err := os.ReadFile(job.Input)
	if err != nil {
		return labeler.Outcome{}, err
	}
	if bytes.HasPrefix(data, []byte("BLOCK")) {
		if err := os.WriteFile(job.Temp, []byte("partial"), 0o644); err != nil {
			return labeler.Outcome{}, err
		}
		k.started <- job.Input
		<-ctx.Done()
		return labeler.Outcome{}, ctx.Err()
	}
	layers := []string{labeler.LayerVisible, labeler.LayerXMP}
	return labeler.Outcome{Layers: layers}, os.WriteFile(job.Temp, append(data, gateMark...), 0o644)
}

func (gateKind) Inspect(_ context.Context, path string) (labeler.Report, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return labeler.Report{}, err
	}
	r := labeler.Report{Kind: "fake"}
	if bytes.HasSuffix(data, gateMark) {
		r.Labeled, r.DigitalSourceType = true, labeler.DSTTrained
	}
	return r, nil
}

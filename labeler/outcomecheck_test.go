package labeler_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"testing"

	"github.com/belgi-kz/belgi/labeler"
)

// checkingKind is fakeKind with a read-back of its own (Outcome.Check),
// which records the output as it finds it, or fails when told to.
type checkingKind struct {
	fakeKind
	seen []byte
	fail bool
}

func (k *checkingKind) Label(ctx context.Context, job labeler.Job) (labeler.Outcome, error) {
	out, err := k.fakeKind.Label(ctx, job)
	out.Check = func(context.Context) error {
		k.seen, _ = os.ReadFile(job.Temp)
		if k.fail {
			return errors.New("checkingKind: the copy is wrong")
		}
		return nil
	}
	return out, err
}

// signingFinisher puts a line before every output, as C2PA signing
// rewrites it.
type signingFinisher struct{}

var signature = []byte("#signed\n")

func (signingFinisher) Finish(_ context.Context, job labeler.Job, out labeler.Outcome) (labeler.Outcome, error) {
	data, err := os.ReadFile(job.Temp)
	if err != nil {
		return out, err
	}
	return out, os.WriteFile(job.Temp, append(signature, data...), 0o644)
}

// TestKindCheckSeesTheFinishedOutput: a kind's own read-back runs once
// the finisher has rewritten the output, so it reads the version the
// core's read-back reads; when it fails, the file fails at the read-back
// stage and no output is left.
func TestKindCheckSeesTheFinishedOutput(t *testing.T) {
	for _, fail := range []bool{false, true} {
		dir := t.TempDir()
		in := write(t, dir+"/a.fk", "FAKE a")
		k := &checkingKind{fail: fail}
		spec := labeler.DefaultSpec()
		res := labeler.NewRegistry(k).WithFinisher(signingFinisher{}).Process(context.Background(), spec, labeler.Input{Path: in}, nil)
		if !bytes.HasPrefix(k.seen, signature) {
			t.Errorf("fail=%v: the kind's check saw %q, not the signed output", fail, k.seen)
		}
		_, statErr := os.Stat(dir + "/labeled/a.fk")
		var fe *labeler.FileError
		switch {
		case !fail && (res.Status != labeler.StatusOK || statErr != nil):
			t.Errorf("passing check: %s %v (output: %v)", res.Status, res.Err, statErr)
		case fail && (res.Status != labeler.StatusError || !errors.As(res.Err, &fe) || fe.Stage != labeler.StageReadBack):
			t.Errorf("failing check: %s %v, want an error at the read-back", res.Status, res.Err)
		case fail && statErr == nil:
			t.Errorf("failing check left an output")
		}
	}
}

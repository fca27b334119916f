package labeler_test

import (
	"context"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/belgi-kz/belgi/labeler"
)

// hungryKind is fakeKind with a memory estimate: "FAKE <n>MB" needs n MiB.
// It records how many files it labels at once.
type hungryKind struct {
	fakeKind
	now, peak atomic.Int32
}

func (k *hungryKind) EstimateMemory(_ context.Context, path string, head []byte, _ labeler.Spec) (int64, error) {
	n, _ := strings.CutSuffix(strings.TrimPrefix(string(head), "FAKE "), "MB")
	mb, err := strconv.ParseInt(n, 10, 64)
	return mb << 20, err
}

func (k *hungryKind) Label(ctx context.Context, job labeler.Job) (labeler.Outcome, error) {
	n := k.now.Add(1)
	defer k.now.Add(-1)
	for p := k.peak.Load(); n > p && !k.peak.CompareAndSwap(p, n); p = k.peak.Load() {
	}
	time.Sleep(20 * time.Millisecond)
	return k.fakeKind.Label(ctx, job)
}

func runHungry(t *testing.T, budgetMB, jobs int, contents ...string) (*hungryKind, []labeler.Result) {
	t.Helper()
	dir := t.TempDir()
	var paths []string
	for i, c := range contents {
		paths = append(paths, write(t, dir+"/"+string(rune('a'+i))+".fk", c))
	}
	k := &hungryKind{}
	reg := labeler.NewRegistry(k)
	spec := labeler.DefaultSpec()
	spec.MemoryBudgetMB = budgetMB
	ins, _ := reg.Expand(paths, spec.Out)
	return k, labeler.Batch{Registry: reg, Spec: spec, Jobs: jobs}.Run(context.Background(), ins)
}

// TestBudgetRefusesAFileTooBig: a file that alone needs more than the
// budget is refused before the kind starts on it, with both figures.
func TestBudgetRefusesAFileTooBig(t *testing.T) {
	k, res := runHungry(t, 256, 2, "FAKE 300MB", "FAKE 10MB")
	if res[0].Status != labeler.StatusError || !strings.Contains(res[0].Err.Error(), "about 300 MiB, more than the memory budget of 256 MiB") {
		t.Errorf("big file: %v %v", res[0].Status, res[0].Err)
	}
	if res[1].Status != labeler.StatusOK {
		t.Errorf("small file: %v %v", res[1].Status, res[1].Err)
	}
	if got := k.started.Load(); got != 1 {
		t.Errorf("the kind started on %d files, want 1 (the big one never)", got)
	}
}

// TestBudgetQueuesRatherThanSwaps: four workers, but only one 100 MiB
// file fits in a 150 MiB budget at a time.
func TestBudgetQueuesRatherThanSwaps(t *testing.T) {
	k, res := runHungry(t, 150, 4, "FAKE 100MB", "FAKE 100MB", "FAKE 100MB", "FAKE 100MB")
	for i, r := range res {
		if r.Status != labeler.StatusOK {
			t.Errorf("file %d: %v %v", i, r.Status, r.Err)
		}
	}
	if p := k.peak.Load(); p != 1 {
		t.Errorf("%d files were labeled at once, want 1", p)
	}
	if _, res := runHungry(t, 1024, 4, "FAKE 100MB", "FAKE 100MB", "FAKE 100MB", "FAKE 100MB"); res[3].Status != labeler.StatusOK {
		t.Errorf("a roomy budget: %v", res[3].Err)
	}
}

func TestBudgetValidation(t *testing.T) {
	spec := labeler.DefaultSpec()
	for _, c := range []struct {
		mb int
		ok bool
	}{{0, true}, {128, true}, {4096, true}, {64, false}, {-1, false}} {
		spec.MemoryBudgetMB = c.mb
		if err := spec.Validate(); (err == nil) != c.ok {
			t.Errorf("budget %d: %v", c.mb, err)
		}
	}
	if labeler.MemoryBudget(labeler.DefaultSpec()) < 128<<20 {
		t.Error("the automatic budget is implausibly small")
	}
}

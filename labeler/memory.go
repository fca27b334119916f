package labeler

import (
	"context"
	"fmt"

	"golang.org/x/sync/semaphore"
)

// MemoryEstimator is an optional ability of a Kind: how many bytes
// labeling one file will hold at its peak, judged from the file's header
// before anything is decoded. An error means "cannot tell"; the file is
// then admitted with DefaultEstimate and the kind reports the problem.
type MemoryEstimator interface {
	EstimateMemory(ctx context.Context, path string, head []byte, spec Spec) (int64, error)
}

// DefaultEstimate is what a file of a kind with no estimator is assumed
// to need, on top of its own size (documents are read whole).
const DefaultEstimate = 64 << 20

// MinMemoryBudgetMB is the smallest budget Belgi can work in.
const MinMemoryBudgetMB = 128

// MemoryBudget is the budget a spec allows, in bytes: its own, or half
// of the computer's RAM.
func MemoryBudget(spec Spec) int64 {
	if spec.MemoryBudgetMB > 0 {
		return int64(spec.MemoryBudgetMB) << 20
	}
	return totalRAM() / 2
}

// budget is a batch's memory: each file takes its estimate before it is
// labeled and gives it back after, so workers wait for each other rather
// than push the computer into swap.
type budget struct {
	total int64
	sem   *semaphore.Weighted
}

func newBudget(spec Spec) *budget {
	total := MemoryBudget(spec)
	return &budget{total: total, sem: semaphore.NewWeighted(total)}
}

type budgetKey struct{}

// withBudget hands a batch's budget to Process through the context.
func withBudget(ctx context.Context, b *budget) context.Context {
	return context.WithValue(ctx, budgetKey{}, b)
}

// budgetFor is the batch's budget, or one of its own for a single file.
func budgetFor(ctx context.Context, spec Spec) *budget {
	if b, ok := ctx.Value(budgetKey{}).(*budget); ok {
		return b
	}
	return newBudget(spec)
}

// admit waits until the file's estimate fits in the budget and returns
// the function that gives it back. A file that alone needs more than the
// whole budget is refused before a byte of it is decoded.
func admit(ctx context.Context, kind Kind, path string, size int64, spec Spec) (func(), error) {
	head, err := ReadHead(path)
	if err != nil {
		return nil, err
	}
	need := estimate(ctx, kind, path, head, size, spec)
	b := budgetFor(ctx, spec)
	if need > b.total {
		return nil, fmt.Errorf("labeling it needs about %d MiB, more than the memory budget of %d MiB; raise the budget or make the file smaller",
			need>>20, b.total>>20)
	}
	if err := b.sem.Acquire(ctx, need); err != nil {
		return nil, err
	}
	return func() { b.sem.Release(need) }, nil
}

// estimate asks the kind, falling back to DefaultEstimate plus the size.
func estimate(ctx context.Context, kind Kind, path string, head []byte, size int64, spec Spec) int64 {
	if e, ok := kind.(MemoryEstimator); ok {
		if n, err := e.EstimateMemory(ctx, path, head, spec); err == nil && n > 0 {
			return n
		}
	}
	return DefaultEstimate + size
}

// fallbackRAM is assumed where the system does not say.
const fallbackRAM = 8 << 30

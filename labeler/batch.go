package labeler

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"time"
)

// Event tells a batch's observer how far it is.
type Event struct {
	Index    int     // the input's position in the batch
	Total    int     // files in the batch
	Input    string  // the file concerned
	Fraction float64 // how far this file is, 0..1
	// Elapsed is how long this file has been worked on; Remaining the
	// estimated time left, 0 while unknown (see eta.go).
	Elapsed, Remaining time.Duration
	Done               int     // files finished so far
	Result             *Result // set once the file is finished
}

// Batch labels many files with one spec on a bounded pool of workers.
type Batch struct {
	Registry *Registry
	Spec     Spec
	// Jobs is the number of files worked on at once; 0 means one per CPU.
	Jobs int
	// OnEvent, if set, is called from worker goroutines; it must be safe
	// for concurrent use and quick.
	OnEvent func(Event)
}

// Run labels every input and returns one result per input, in order.
// Cancelling ctx stops work promptly; unfinished files end as errors and
// leave no partial output behind.
func (b Batch) Run(ctx context.Context, inputs []Input) []Result {
	results := make([]Result, len(inputs))
	ctx = withBudget(ctx, newBudget(b.Spec))
	claimed := b.Registry.claimOutputs(inputs, b.Spec.Out, results)
	jobs := b.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		done int
	)
	// finish records a file's result and tells the observer; every input
	// passes through it exactly once, so Done reaches Total.
	finish := func(i int, res Result) {
		results[i] = res
		mu.Lock()
		done++
		ev := Event{Index: i, Total: len(inputs), Input: inputs[i].Path, Fraction: 1, Done: done, Result: &results[i]}
		mu.Unlock()
		b.emit(ev)
	}
	next := make(chan int)
	for w := 0; w < min(jobs, len(inputs)); w++ {
		wg.Go(func() {
			for i := range next {
				clock := newETA(time.Now())
				progress := func(f float64) {
					el, rem := clock.at(time.Now(), f)
					b.emit(Event{Index: i, Total: len(inputs), Input: inputs[i].Path, Fraction: f, Elapsed: el, Remaining: rem})
				}
				finish(i, b.Registry.Process(ctx, b.Spec, inputs[i], progress))
			}
		})
	}
	for i, in := range inputs {
		if claimed[i] {
			finish(i, results[i])
			continue
		}
		select {
		case next <- i:
		case <-ctx.Done():
			finish(i, Result{Input: in.Path, Status: StatusError, Err: fileError(in.Path, StageDecode, ctx.Err())})
		}
	}
	close(next)
	wg.Wait()
	return results
}

// claimOutputs marks inputs whose output name another input already took
// (two "photo.jpg" from different folders into one output folder): the
// later one gets an error instead of silently replacing the first.
func (r *Registry) claimOutputs(inputs []Input, out Output, results []Result) []bool {
	claimed := make([]bool, len(inputs))
	owner := map[string]string{}
	for i, in := range inputs {
		if in.Skip != "" {
			continue
		}
		dst, err := r.OutputFor(in, out)
		if err != nil {
			continue // Process reports it
		}
		if first, ok := owner[dst]; ok {
			claimed[i] = true
			results[i] = Result{Input: in.Path, Output: dst, Status: StatusError,
				Err: fileError(in.Path, StageWrite, fmt.Errorf("output %s is already the output of %s; give the files different names or output folders", dst, first))}
			continue
		}
		owner[dst] = in.Path
	}
	return claimed
}

func (b Batch) emit(ev Event) {
	if b.OnEvent != nil {
		b.OnEvent(ev)
	}
}

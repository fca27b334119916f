package ledger

import (
	"fmt"
	"os"
	"time"
)

// Read returns the file records of the ledger at path, in order, leaving
// out the header and any line that does not unseal (Verify says which).
func Read(path string) ([]Record, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("ledger %s: %w", path, err)
	}
	defer f.Close()
	var recs []Record
	ls := newLines(f)
	for ln := ls.Next(); ln != nil; ln = ls.Next() {
		if rec, err := unseal(ln.raw); err == nil && ln.complete && !rec.IsHeader() {
			recs = append(recs, rec)
		}
	}
	if err := ls.Err(); err != nil {
		return recs, fmt.Errorf("ledger %s: %w", path, err)
	}
	return recs, nil
}

// Batch is the records of one batch, with its totals.
type Batch struct {
	ID                       string
	Operator                 string
	Tool                     string
	Profile                  string
	Spec                     string
	Start                    time.Time // first record
	End                      time.Time // last record
	Records                  []Record
	Labeled, Skipped, Failed int
	InputBytes               int64 // total size of the inputs labeled
}

// Batches groups records by batch, in the order batches started. Lines
// of batches that ran at the same time interleave in a ledger; each
// batch gets its own.
func Batches(recs []Record) []Batch {
	var out []Batch
	index := map[string]int{}
	for _, r := range recs {
		i, ok := index[r.Batch]
		if !ok {
			i = len(out)
			index[r.Batch] = i
			out = append(out, Batch{ID: r.Batch, Operator: r.Operator, Tool: r.Tool, Profile: r.Profile, Spec: r.Spec, Start: r.Time})
		}
		out[i].add(r)
	}
	return out
}

func (b *Batch) add(r Record) {
	b.Records = append(b.Records, r)
	b.End = r.Time
	switch r.Status {
	case "ok":
		b.Labeled++
		b.InputBytes += r.InputSize
	case "skipped":
		b.Skipped++
	default:
		b.Failed++
	}
}

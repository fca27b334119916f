package ledger

import (
	"os"

	"github.com/belgi-kz/belgi/internal/filehash"
	"github.com/belgi-kz/belgi/labeler"
)

// ReasonResumed is why a re-run skips a file the ledger proves done.
const ReasonResumed = "already labeled (ledger)"

// Resume marks the inputs a re-run of a batch need not label again: the
// ledger's latest record for their output says it was labeled from the
// same bytes with the same settings, and the output on disk still has
// the hash recorded. It returns how many it marked.
func Resume(recs []Record, reg *labeler.Registry, spec labeler.Spec, inputs []labeler.Input) int {
	done := map[string]Record{}
	for _, r := range recs {
		if r.Output != "" && r.Status != "skipped" {
			done[r.Output] = r // a later failure or relabel replaces it
		}
	}
	want, n := SpecSHA256(spec), 0
	for i, in := range inputs {
		if in.Skip != "" {
			continue
		}
		out, err := reg.OutputFor(in, spec.Out)
		if r, ok := done[out]; err == nil && ok && r.SpecSHA256 == want && proves(r, in.Path) {
			inputs[i].Skip = ReasonResumed
			n++
		}
	}
	return n
}

// proves checks a record against the disk: an ok record whose input and
// output both still hash as recorded.
func proves(r Record, input string) bool {
	if r.Status != "ok" || r.OutputSHA256 == "" {
		return false
	}
	st, err := os.Stat(input)
	if err != nil || st.Size() != r.InputSize {
		return false
	}
	if sum, err := filehash.SHA256(r.Output); err != nil || sum != r.OutputSHA256 {
		return false
	}
	sum, err := filehash.SHA256(input)
	return err == nil && sum == r.InputSHA256
}

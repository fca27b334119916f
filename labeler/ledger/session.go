package ledger

import (
	"errors"
	"os"
	"os/user"
	"strings"
	"time"

	"github.com/belgi-kz/belgi/labeler"
)

// Session is one batch as the ledger sees it: one ID, one operator, one
// spec, for every file the batch records.
type Session struct {
	Batch      string
	Operator   string
	Profile    string
	Spec       string // SpecSummary
	SpecSHA256 string
}

// NewSession starts recording a batch labeled with spec. The operator is
// the spec's, or the login name.
func NewSession(spec labeler.Spec) Session {
	op := strings.TrimSpace(spec.Ledger.Operator)
	if op == "" {
		op = LoginName()
	}
	return Session{Batch: newBatchID(time.Now()), Operator: op, Profile: spec.Profile,
		Spec: SpecSummary(spec), SpecSHA256: SpecSHA256(spec)}
}

// Record is the ledger line for one file's result.
func (s Session) Record(r labeler.Result) Record {
	rec := Record{Batch: s.Batch, Operator: s.Operator, Tool: labeler.Tool, Profile: s.Profile,
		Spec: s.Spec, SpecSHA256: s.SpecSHA256,
		Input: r.Input, InputSize: r.InputSize, InputSHA256: r.InputSHA256,
		Output: r.Output, OutputSHA256: r.OutputSHA256, Kind: r.Kind, Layers: r.Layers,
		C2PAManifest: r.C2PAManifest, Status: string(r.Status), Reason: r.Reason}
	if r.Status != labeler.StatusOK {
		rec.OutputSHA256 = ""
	}
	if r.Err != nil {
		rec.Error, rec.Stage = r.Err.Error(), stageOf(r.Err)
	}
	return rec
}

// stageOf names the step a file failed at (decode, label, write,
// read-back), when the core's error says so.
func stageOf(err error) string {
	var fe *labeler.FileError
	if errors.As(err, &fe) {
		return string(fe.Stage)
	}
	return ""
}

// LoginName is the name of the account Belgi runs under, the default
// operator.
func LoginName() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	for _, env := range []string{"USER", "USERNAME", "LOGNAME"} {
		if v := os.Getenv(env); v != "" {
			return v
		}
	}
	return "unknown"
}

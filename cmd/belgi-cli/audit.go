package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/user"
	"time"

	"github.com/belgi-kz/belgi/labeler"
)

// auditLog appends one JSON line per labeled file: what went in, what came
// out, what was applied, by whom and when — what a newsroom shows when
// asked to prove a publication was labeled.
type auditLog struct {
	f        *os.File
	spec     labeler.Spec
	operator string
}

type auditRecord struct {
	Time         time.Time      `json:"time"`
	Operator     string         `json:"operator"`
	Tool         string         `json:"tool"`
	Profile      string         `json:"profile"`
	Langs        []labeler.Lang `json:"langs"`
	AI           string         `json:"ai"`
	Input        string         `json:"input"`
	InputSHA256  string         `json:"input_sha256,omitempty"`
	Output       string         `json:"output,omitempty"`
	OutputSHA256 string         `json:"output_sha256,omitempty"`
	Status       string         `json:"status"`
	Layers       []string       `json:"layers,omitempty"`
	Error        string         `json:"error,omitempty"`
}

func openAudit(path string, spec labeler.Spec) (*auditLog, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("audit log: %w", err)
	}
	op := "unknown"
	if u, err := user.Current(); err == nil {
		op = u.Username
	}
	return &auditLog{f: f, spec: spec, operator: op}, nil
}

// Record appends r; a nil log records nothing.
func (a *auditLog) Record(r labeler.Result) {
	if a == nil {
		return
	}
	rec := auditRecord{Time: time.Now().UTC(), Operator: a.operator, Tool: labeler.Tool,
		Profile: a.spec.Profile, Langs: a.spec.Langs, AI: string(a.spec.AI),
		Input: r.Input, InputSHA256: r.InputSHA256, Output: r.Output, OutputSHA256: r.OutputSHA256,
		Status: string(r.Status), Layers: r.Layers}
	if r.Err != nil {
		rec.Error = r.Err.Error()
	}
	b, _ := json.Marshal(rec)
	a.f.Write(append(b, '\n'))
}

// Close flushes the log to disk.
func (a *auditLog) Close() {
	if a != nil {
		a.f.Sync()
		a.f.Close()
	}
}

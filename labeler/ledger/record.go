package ledger

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/belgi-kz/belgi/labeler"
)

// The format named on a ledger's first line.
const (
	FormatName    = "belgi-ledger"
	FormatVersion = 1
)

// FileName is the ledger kept beside a batch's outputs.
const FileName = labeler.LedgerFileName

// Record is one line of a ledger. The first line (Seq 0) is the header
// and carries only Format, Version, Time and Tool besides the chain.
type Record struct {
	Seq     int       `json:"seq"`
	Time    time.Time `json:"time"`
	Format  string    `json:"format,omitempty"`
	Version int       `json:"version,omitempty"`

	Batch      string `json:"batch,omitempty"`
	Operator   string `json:"operator,omitempty"`
	Tool       string `json:"tool,omitempty"`
	Profile    string `json:"profile,omitempty"`
	Spec       string `json:"spec,omitempty"`
	SpecSHA256 string `json:"spec_sha256,omitempty"`

	Input        string   `json:"input,omitempty"`
	InputSize    int64    `json:"input_size,omitempty"`
	InputSHA256  string   `json:"input_sha256,omitempty"`
	Output       string   `json:"output,omitempty"`
	OutputSHA256 string   `json:"output_sha256,omitempty"`
	Kind         string   `json:"kind,omitempty"`
	Layers       []string `json:"layers,omitempty"`
	C2PAManifest string   `json:"c2pa_manifest,omitempty"`
	Status       string   `json:"status,omitempty"`
	Reason       string   `json:"reason,omitempty"`
	Error        string   `json:"error,omitempty"`
	Stage        string   `json:"stage,omitempty"`

	// Prev is the SHA-256 of the previous line as written; Sum the
	// SHA-256 of this line without its sum field.
	Prev string `json:"prev"`
	Sum  string `json:"sum,omitempty"`
}

// IsHeader reports whether r is a ledger's first line.
func (r Record) IsHeader() bool { return r.Format != "" }

// header is the first line of a new ledger.
func header(now time.Time) Record {
	return Record{Time: now, Format: FormatName, Version: FormatVersion, Tool: labeler.Tool}
}

// sumField is what seal appends: `,"sum":"<64 hex>"}`.
const (
	sumOpen = `,"sum":"`
	sumLen  = len(sumOpen) + sha256.Size*2 + len(`"}`)
)

// seal encodes r as one line (with its newline): the JSON object without
// a sum, then the SHA-256 of exactly those bytes as its last field.
func seal(r Record) ([]byte, error) {
	r.Sum = ""
	body, err := json.Marshal(r)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(body)
	line := append(body[:len(body)-1], sumOpen...)
	line = hex.AppendEncode(line, sum[:])
	return append(line, "\"}\n"...), nil
}

// errUnsealed: the line does not end in a sum field as seal writes it.
var errUnsealed = errors.New("no checksum at the end of the line")

// unseal checks a line (without its newline) against its own sum and
// decodes it.
func unseal(line []byte) (Record, error) {
	var r Record
	n := len(line)
	if n < sumLen+2 || string(line[n-sumLen:n-sumLen+len(sumOpen)]) != sumOpen || string(line[n-2:]) != `"}` {
		return r, errUnsealed
	}
	body := append(line[:n-sumLen:n-sumLen], '}')
	if err := json.Unmarshal(line, &r); err != nil {
		return r, fmt.Errorf("not JSON: %w", err)
	}
	want := sha256.Sum256(body)
	if r.Sum != hex.EncodeToString(want[:]) {
		return r, errEdited
	}
	return r, nil
}

// errEdited: the line's content no longer matches its sum.
var errEdited = errors.New("the line's content does not match its checksum")

// lineHash is what the next line's Prev must be.
func lineHash(line []byte) string {
	h := sha256.Sum256(line)
	return hex.EncodeToString(h[:])
}

// newBatchID names a batch: its start time (UTC) and 4 random bytes, so
// two windows starting in the same second still differ.
func newBatchID(now time.Time) string {
	var b [4]byte
	rand.Read(b[:])
	return now.UTC().Format("20060102-150405") + "-" + hex.EncodeToString(b[:])
}

// SpecSHA256 identifies exactly what a file was given: every setting
// except where outputs go, whether they replace old ones, the ledger's
// own settings and the memory budget, which change nothing in a file.
func SpecSHA256(spec labeler.Spec) string {
	spec.Out, spec.Ledger, spec.MemoryBudgetMB = labeler.Output{}, labeler.LedgerSpec{}, 0
	b, err := json.Marshal(spec)
	if err != nil {
		return ""
	}
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// SpecSummary says in one line what a person checking the record needs:
// languages, AI involvement, placement and which layers were asked for.
func SpecSummary(spec labeler.Spec) string {
	langs := make([]string, len(spec.Langs))
	for i, l := range spec.Langs {
		langs[i] = string(l)
	}
	parts := []string{strings.Join(langs, "+"), string(spec.AI)}
	if spec.RealPerson {
		parts = append(parts, "real person")
	}
	if spec.Style != "" {
		parts = append(parts, string(spec.Style)+" style")
	}
	parts = append(parts, fmt.Sprintf("%s %.3g%%", spec.Position, spec.Size))
	if sys := aiSystem(spec.AISystem); sys != "" {
		parts = append(parts, "AI system "+sys)
	}
	parts = append(parts, "video badge "+videoBadge(spec.Video))
	if spec.Video.Slate {
		parts = append(parts, "slate")
	}
	return strings.Join(append(parts, "C2PA "+c2paSigner(spec.C2PA)), ", ")
}

// aiSystem names the AI system as the label's metadata does:
// "Midjourney 7 (Midjourney, Inc.)"; "" when none was given.
func aiSystem(a labeler.AISystem) string {
	name := strings.TrimSpace(a.Name + " " + a.Version)
	if a.Provider != "" {
		name = strings.TrimSpace(name + " (" + a.Provider + ")")
	}
	return name
}

func videoBadge(v labeler.VideoSpec) string {
	if v.BadgeMode == labeler.BadgeStart {
		return fmt.Sprintf("first %.3g s", v.BadgeSeconds)
	}
	return "every frame"
}

func c2paSigner(c labeler.C2PASpec) string {
	switch {
	case c.Off:
		return "off"
	case c.UsesDevIdentity():
		return "development identity"
	}
	return "newsroom key"
}

package c2pa

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/belgi-kz/belgi/labeler"
	"github.com/fxamacker/cbor/v2"
)

// Found is what Read saw in a file's active manifest.
type Found struct {
	// Present: the file carries a C2PA manifest store.
	Present bool
	// Label of the active manifest (urn:c2pa:...).
	Label string
	// DigitalSourceType: the first one an action of the active manifest
	// carries, "" if none does.
	DigitalSourceType string
	// ClaimGenerator: "name version" from claim_generator_info (v2) or
	// claim_generator (v1).
	ClaimGenerator string
	// Actions in order, e.g. c2pa.opened, c2pa.edited.
	Actions []string
	// Ingredients: how many ingredient assertions the active manifest has.
	Ingredients int
	// HashChecked: a hard binding was found and re-computed;
	// HashMatches: it matched the file.
	HashChecked, HashMatches bool
	// Results of validating the active manifest (see ValidateStore).
	Results Results
}

// Report adds what Read found to a check report.
func (f Found) Report(r *labeler.Report) {
	if !f.Present {
		return
	}
	r.Provenance = append(r.Provenance, "c2pa")
	r.C2PAManifest = f.Label
	if r.DigitalSourceType == "" {
		r.DigitalSourceType = f.DigitalSourceType
	}
	if f.HashChecked && !f.HashMatches {
		r.Warnings = append(r.Warnings, "C2PA manifest does not match the file: it was changed after signing")
	}
}

// Read finds a C2PA manifest store in data, a whole file of any format
// in BuiltIn, and reports on its active manifest. A file without one, or
// of a format that carries none, is not an error.
func Read(data []byte) (Found, error) {
	return ReadFrom(bytes.NewReader(data), int64(len(data)), BuiltIn())
}

// ReadFile is Read for a file on disk, read as needed rather than whole.
func ReadFile(path string, formats Formats) (Found, error) {
	f, err := os.Open(path)
	if err != nil {
		return Found{}, fmt.Errorf("c2pa: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return Found{}, fmt.Errorf("c2pa: %w", err)
	}
	return ReadFrom(f, st.Size(), formats)
}

// ReadFrom is Read over any file, in one of formats.
func ReadFrom(r io.ReaderAt, size int64, formats Formats) (Found, error) {
	head := make([]byte, min(size, 4096))
	if _, err := r.ReadAt(head, 0); err != nil && err != io.EOF {
		return Found{}, fmt.Errorf("c2pa: %w", err)
	}
	f, ok := formats.Find(head)
	if !ok {
		return Found{}, nil
	}
	l, err := f.Container.Open(r, size)
	if err != nil {
		return Found{}, err
	}
	if l.Store() == nil {
		return Found{}, nil
	}
	return readStore(r, size, l.Store())
}

func readStore(r io.ReaderAt, size int64, store []byte) (Found, error) {
	root, err := parseStore(store)
	if err != nil {
		return Found{}, fmt.Errorf("c2pa: %w", err)
	}
	active, ok := activeManifest(root)
	if !ok {
		return Found{}, fmt.Errorf("c2pa: manifest store without a manifest")
	}
	f := Found{Present: true, Label: active.label, Results: validateManifest(active, r, size)}
	f.claimGenerator(active)
	if as, ok := active.child(labelAssertions); ok {
		f.assertions(as)
	}
	codes := f.Results.Codes()
	for _, k := range []string{"dataHash", "bmffHash"} {
		f.HashChecked = f.HashChecked || slices.Contains(codes, "assertion."+k+".match") || slices.Contains(codes, "assertion."+k+".mismatch")
		f.HashMatches = f.HashMatches || slices.Contains(codes, "assertion."+k+".match")
	}
	return f, nil
}

// claimGenerator reads v2's claim_generator_info or v1's claim_generator.
func (f *Found) claimGenerator(manifest node) {
	var c struct {
		Info any    `cbor:"claim_generator_info"`
		Gen  string `cbor:"claim_generator"`
	}
	for _, label := range []string{labelClaim, "c2pa.claim"} {
		if cl, ok := manifest.child(label); ok {
			if b, ok := cl.cborContent(); ok && cbor.Unmarshal(b, &c) == nil {
				break
			}
		}
	}
	f.ClaimGenerator = c.Gen
	info := c.Info
	if list, ok := info.([]any); ok && len(list) > 0 {
		info = list[0]
	}
	if m, ok := info.(map[any]any); ok {
		name, _ := m["name"].(string)
		version, _ := m["version"].(string)
		f.ClaimGenerator = joinNonEmpty(name, version)
	}
}

func joinNonEmpty(a, b string) string {
	if a == "" || b == "" {
		return a + b
	}
	return a + " " + b
}

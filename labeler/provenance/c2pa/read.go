package c2pa

import (
	"bytes"
	"errors"
	"fmt"

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
	// HashChecked: a c2pa.hash.data binding was found and re-computed;
	// HashMatches: it matched the file.
	HashChecked, HashMatches bool
}

// Report adds what Read found to a check report.
func (f Found) Report(r *labeler.Report) {
	if !f.Present {
		return
	}
	r.Provenance = append(r.Provenance, "c2pa")
	if r.DigitalSourceType == "" {
		r.DigitalSourceType = f.DigitalSourceType
	}
	if f.HashChecked && !f.HashMatches {
		r.Warnings = append(r.Warnings, "C2PA manifest does not match the file: it was changed after signing")
	}
}

// Read finds a C2PA manifest store in data ("jpeg" or "png"; "" sniffs)
// and reports on its active manifest. A file without one is not an error.
func Read(data []byte, format string) (Found, error) {
	if format == "" {
		format = sniff(data)
	}
	var store []byte
	switch format {
	case "jpeg", "image/jpeg":
		l, err := parseJPEG(data)
		if err != nil {
			return Found{}, err
		}
		store = l.store
	case "png", "image/png":
		l, err := parsePNG(data)
		if err != nil {
			return Found{}, err
		}
		store = l.store
	default:
		return Found{}, fmt.Errorf("c2pa: unsupported format %q", format)
	}
	if store == nil {
		return Found{}, nil
	}
	return readStore(data, store)
}

// read is Read with a sniffed format, also returning the raw store.
func read(data []byte) (Found, []byte, error) {
	format := sniff(data)
	if format == "" {
		return Found{}, nil, nil
	}
	f, err := Read(data, format)
	if err != nil || !f.Present {
		return f, nil, err
	}
	var store []byte
	if format == "jpeg" {
		l, _ := parseJPEG(data)
		store = l.store
	} else {
		l, _ := parsePNG(data)
		store = l.store
	}
	return f, store, nil
}

func sniff(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8}):
		return "jpeg"
	case bytes.HasPrefix(data, pngSignature):
		return "png"
	}
	return ""
}

func readStore(data, store []byte) (Found, error) {
	root, err := parseStore(store)
	if err != nil {
		return Found{}, fmt.Errorf("c2pa: %w", err)
	}
	var active node
	for _, k := range root.kids {
		if k.typ == "jumb" && k.uuid == typeManifest {
			active = k
		}
	}
	if active.label == "" {
		return Found{}, errors.New("c2pa: manifest store without a manifest")
	}
	f := Found{Present: true, Label: active.label}
	f.claimGenerator(active)
	if as, ok := active.child(labelAssertions); ok {
		f.assertions(data, as)
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

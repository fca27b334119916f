package c2pa

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"github.com/belgi-kz/belgi/labeler"
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
	// Results of validating the active manifest (Validation.Results).
	Results Results
	// Validation is the whole verdict, ingredients included.
	Validation Validation
}

// Report adds what Read found to a check report: where a manifest (the
// active one or an ingredient's) declares a digital source type.
func (f Found) Report(r *labeler.Report) {
	if !f.Present {
		return
	}
	r.C2PAManifest = f.Label
	for _, m := range f.Validation.Manifests {
		for _, a := range m.Actions {
			if a.DigitalSourceType != "" {
				r.AddDeclaration(labeler.Declaration{Where: labeler.SourceC2PA, Type: a.DigitalSourceType, Signer: m.Signer})
			}
		}
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
	return ReadFileWith(path, formats, Options{})
}

// ReadFileWith is ReadFile validating with opt (trust anchors).
func ReadFileWith(path string, formats Formats, opt Options) (Found, error) {
	f, err := os.Open(path)
	if err != nil {
		return Found{}, fmt.Errorf("c2pa: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return Found{}, fmt.Errorf("c2pa: %w", err)
	}
	return readFrom(f, st.Size(), formats, opt)
}

// ReadFrom is Read over any file, in one of formats.
func ReadFrom(r io.ReaderAt, size int64, formats Formats) (Found, error) {
	return readFrom(r, size, formats, Options{})
}

func readFrom(r io.ReaderAt, size int64, formats Formats, opt Options) (Found, error) {
	l, err := openLayout(r, size, formats)
	if err != nil || l == nil || l.Store() == nil {
		return Found{}, err
	}
	if at, ok := l.(located); ok {
		opt.storeAt = at.storeOffset()
	}
	return readStore(r, size, l.Store(), opt)
}

// FindStore returns the manifest store a file carries, nil when it has
// none or is of a format that carries none.
func FindStore(r io.ReaderAt, size int64, formats Formats) ([]byte, error) {
	l, err := openLayout(r, size, formats)
	if err != nil || l == nil {
		return nil, err
	}
	return l.Store(), nil
}

// openLayout opens a file with its format's container; nil when no
// format of formats is the file's.
func openLayout(r io.ReaderAt, size int64, formats Formats) (Layout, error) {
	head := make([]byte, min(size, 4096))
	if _, err := r.ReadAt(head, 0); err != nil && err != io.EOF {
		return nil, fmt.Errorf("c2pa: %w", err)
	}
	f, ok := formats.Find(head)
	if !ok {
		return nil, nil
	}
	return f.Container.Open(r, size)
}

func readStore(r io.ReaderAt, size int64, store []byte, opt Options) (Found, error) {
	v, err := Validate(store, r, size, opt)
	if err != nil {
		return Found{}, fmt.Errorf("c2pa: %w", err)
	}
	f := Found{Present: true, Label: v.Active, Results: v.Results, Validation: v}
	if len(v.Manifests) > 0 {
		act := v.Manifests[0]
		f.ClaimGenerator = act.Generator
		for _, a := range act.Actions {
			f.Actions = append(f.Actions, a.Action)
			if f.DigitalSourceType == "" {
				f.DigitalSourceType = a.DigitalSourceType
			}
		}
	}
	sv, _ := newStoreView(store)
	f.Ingredients = len(sv.active().ingredientAssertions())
	for _, k := range []string{"dataHash", "bmffHash", "boxesHash"} {
		f.HashChecked = f.HashChecked || v.Results.has("assertion."+k+".match") || v.Results.has("assertion."+k+".mismatch")
	}
	f.HashMatches = v.BindingMatched
	return f, nil
}

func joinNonEmpty(a, b string) string {
	if a == "" || b == "" {
		return a + b
	}
	return a + " " + b
}

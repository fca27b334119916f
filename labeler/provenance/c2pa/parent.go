package c2pa

import (
	"crypto/sha256"
	"fmt"
	"io"
	"os"
)

// Parent is a manifest store carried over from a source: its manifests go
// into the new store (so their hashes and signatures still hold, but for
// the assertions Belgi redacts) and its active manifest becomes the
// parentOf ingredient, with what validating it against the source found.
type Parent struct {
	manifests [][]byte
	active    node
	// redactions are the URIs of the assertions redacted in manifests
	// (their thumbnails of the unlabeled content).
	redactions []string
	// Results of validating the active manifest against the source,
	// recorded in the ingredient's validationResults; Deltas are its own
	// ingredients' (see Validate).
	Results Results
	Deltas  []Delta
	// State is the source's validation state (Trusted, Valid, Invalid).
	State string
	// Signer is the subject of the certificate that signed it, "" when
	// the signature does not verify.
	Signer string
}

// NewParent takes a manifest store found in a source and validates it
// against the source's bytes (asset nil: the hard binding is not
// checked, for a store whose asset Belgi does not have).
func NewParent(store []byte, asset io.ReaderAt, size int64, opt Options) (*Parent, error) {
	sv, err := newStoreView(store)
	if err != nil {
		return nil, fmt.Errorf("c2pa: the source's manifest store: %w", err)
	}
	v, err := Validate(store, asset, size, opt)
	if err != nil {
		return nil, fmt.Errorf("c2pa: the source's manifest store: %w", err)
	}
	p := &Parent{Results: v.Results, Deltas: v.Deltas, State: v.State}
	p.manifests, p.redactions = redactThumbnails(sv)
	nodes, err := parseBoxes(p.manifests[len(p.manifests)-1], 8)
	if err != nil || len(nodes) != 1 {
		return nil, fmt.Errorf("c2pa: redacting the source's manifest: %v", err)
	}
	p.active = nodes[0]
	if len(v.Manifests) > 0 && v.Results.has("claimSignature.validated") {
		p.Signer = v.Manifests[0].Signer
	}
	return p, nil
}

// ReadParent finds the manifest store in a source file of one of the
// formats and validates it against the file; nil when there is none or
// the file's format carries none.
func ReadParent(path string, formats Formats, opt Options) (*Parent, Format, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, Format{}, fmt.Errorf("c2pa: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, Format{}, fmt.Errorf("c2pa: %w", err)
	}
	head := make([]byte, 4096)
	n, _ := f.ReadAt(head, 0)
	format, ok := formats.Find(head[:n])
	if !ok {
		return nil, Format{}, nil
	}
	l, err := format.Container.Open(f, st.Size())
	if err != nil || l.Store() == nil {
		return nil, format, err
	}
	p, err := NewParent(l.Store(), f, st.Size(), opt)
	return p, format, err
}

// ingredient describes the parent. A nil p is a source without Content
// Credentials: only its title and format are known.
func (p *Parent) ingredient(m Manifest) ingredient {
	ing := ingredient{Title: m.SourceTitle, Format: m.SourceFormat, Relationship: "parentOf"}
	if ing.Title == "" {
		ing.Title = m.Title
	}
	if ing.Format == "" {
		ing.Format = m.Format
	}
	if p == nil {
		return ing
	}
	am := sha256.Sum256(boxBody(p.active.raw))
	ing.ActiveManifest = &hashedURI{URL: "self#jumbf=/c2pa/" + p.active.label, Hash: am[:]}
	if sig, ok := p.active.child(labelSignature); ok {
		sum := sha256.Sum256(boxBody(sig.raw))
		ing.ClaimSignature = &hashedURI{URL: "self#jumbf=/c2pa/" + p.active.label + "/" + labelSignature, Hash: sum[:]}
	}
	ing.ValidationResults = &validationResults{ActiveManifest: nonNil(p.Results)}
	for _, d := range p.Deltas {
		ing.ValidationResults.IngredientDeltas = append(ing.ValidationResults.IngredientDeltas,
			ingredientDelta{URI: d.Ingredient, Deltas: nonNil(d.Results)})
	}
	return ing
}

// parseStore parses a manifest store superbox.
func parseStore(store []byte) (node, error) {
	nodes, err := parseBoxes(store, 8)
	if err != nil {
		return node{}, err
	}
	if len(nodes) == 0 || nodes[0].typ != "jumb" || nodes[0].uuid != typeStore {
		return node{}, fmt.Errorf("%w: not a C2PA manifest store", errBox)
	}
	return nodes[0], nil
}

// nonNil gives empty lists rather than nil ones: C2PA's schema wants the
// three lists present.
func nonNil(r Results) Results {
	for _, l := range []*[]Status{&r.Success, &r.Informational, &r.Failure} {
		if *l == nil {
			*l = []Status{}
		}
	}
	return r
}

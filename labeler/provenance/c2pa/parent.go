package c2pa

import (
	"crypto/sha256"
	"fmt"
	"io"
	"os"
)

// Parent is a manifest store carried over from a source: its manifests go
// into the new store byte for byte (so their hashes and signatures still
// hold) and its active manifest becomes the parentOf ingredient, with
// what validating it against the source found.
type Parent struct {
	manifests [][]byte
	active    node
	// Results of validating the active manifest against the source (see
	// ValidateStore), recorded in the ingredient's validationResults.
	Results Results
	// Signer is the subject of the certificate that signed it, "" when
	// the signature does not verify.
	Signer string
}

// NewParent takes a manifest store found in a source and validates its
// active manifest against the source's bytes (asset nil: the hard binding
// is not checked, for a store whose asset Belgi does not have).
func NewParent(store []byte, asset io.ReaderAt, size int64, f Format) (*Parent, error) {
	root, err := parseStore(store)
	if err != nil {
		return nil, fmt.Errorf("c2pa: the source's manifest store: %w", err)
	}
	p := &Parent{}
	for _, k := range root.kids {
		if k.typ == "jumb" && k.uuid == typeManifest {
			p.manifests = append(p.manifests, k.raw)
			p.active = k
		}
	}
	if len(p.manifests) == 0 {
		return nil, fmt.Errorf("c2pa: the source's manifest store has no manifest")
	}
	p.Results = validateManifest(p.active, asset, size)
	if sig, ok := p.active.child(labelSignature); ok {
		b, _ := sig.cborContent()
		claim, _, _ := readClaim(p.active)
		if leaf, err := VerifySignature(b, claim); err == nil {
			p.Signer = leaf.Subject.String()
		}
	}
	return p, nil
}

// ReadParent finds the manifest store in a source file of one of the
// formats and validates it against the file; nil when there is none or
// the file's format carries none.
func ReadParent(path string, formats Formats) (*Parent, Format, error) {
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
	p, err := NewParent(l.Store(), f, st.Size(), format)
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
	r := p.Results
	for _, l := range []*[]Status{&r.Success, &r.Informational, &r.Failure} {
		if *l == nil {
			*l = []Status{}
		}
	}
	ing.ValidationResults = &validationResults{ActiveManifest: r}
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

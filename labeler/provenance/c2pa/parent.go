package c2pa

import (
	"crypto/sha256"
	"fmt"
)

// parentStore is a manifest store found in the source: its manifests are
// copied into the new store byte for byte (so their hashes and signatures
// still hold) and its active manifest becomes the parentOf ingredient.
type parentStore struct {
	manifests [][]byte
	active    node
	// dataHash: the parent's own hard binding, checked against the source
	// bytes when the caller handed them in; "" when not checked.
	dataHash string
}

// parentFrom parses a manifest store; nil store means no parent.
func parentFrom(store []byte, dataHashCode string) (*parentStore, error) {
	if store == nil {
		return nil, nil
	}
	root, err := parseStore(store)
	if err != nil {
		return nil, fmt.Errorf("c2pa: existing manifest store: %w", err)
	}
	p := &parentStore{dataHash: dataHashCode}
	for _, k := range root.kids {
		if k.typ == "jumb" && k.uuid == typeManifest {
			p.manifests = append(p.manifests, k.raw)
			p.active = k
		}
	}
	if len(p.manifests) == 0 {
		return nil, fmt.Errorf("c2pa: existing manifest store has no manifest")
	}
	return p, nil
}

// ingredient describes the parent. The validation results are only what
// Belgi itself checked (the parent's data hash against the source file);
// it does not validate foreign signatures, and says nothing it did not do.
// A nil p is a source without Content Credentials: only its title and
// format are known.
func (p *parentStore) ingredient(m Manifest, format string) ingredient {
	ing := ingredient{Title: m.SourceTitle, Format: format, Relationship: "parentOf"}
	if p == nil {
		return ing
	}
	am := sha256.Sum256(boxBody(p.active.raw))
	ing.ActiveManifest = &hashedURI{URL: "self#jumbf=/c2pa/" + p.active.label, Hash: am[:]}
	if sig, ok := p.active.child(labelSignature); ok {
		sum := sha256.Sum256(boxBody(sig.raw))
		ing.ClaimSignature = &hashedURI{URL: "self#jumbf=/c2pa/" + p.active.label + "/" + labelSignature, Hash: sum[:]}
	}
	vr := &validationResults{ActiveManifest: statusCodes{Success: []statusCode{}, Informational: []statusCode{}, Failure: []statusCode{}}}
	if p.dataHash != "" {
		code := statusCode{Code: p.dataHash, URL: "self#jumbf=/c2pa/" + p.active.label + "/" + labelAssertions + "/" + labelDataHash}
		if p.dataHash == "assertion.dataHash.match" {
			vr.ActiveManifest.Success = append(vr.ActiveManifest.Success, code)
		} else {
			vr.ActiveManifest.Failure = append(vr.ActiveManifest.Failure, code)
		}
	}
	ing.ValidationResults = vr
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

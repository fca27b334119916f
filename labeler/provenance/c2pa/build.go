package c2pa

import (
	"crypto/rand"
	"crypto/sha256"
	"fmt"

	"github.com/fxamacker/cbor/v2"
)

// binding is where the manifest store sits in the output and the hash of
// everything else, which does not depend on the store's size: the store
// is inserted at start into bytes that were hashed without it.
type binding struct {
	start int
	hash  []byte
	// wrap turns a store into the bytes inserted into the container
	// (APP11 segments, a caBX chunk); the exclusion covers all of them.
	wrap func(store []byte) ([]byte, error)
}

// assemble signs a store for m whose c2pa.hash.data excludes exactly the
// wrapped store. The excluded length feeds back into the store's size, so
// it iterates; sizes only grow with the length, so it settles quickly.
func assemble(m Manifest, s Signer, parent *parentStore, srcFormat string, b binding) ([]byte, error) {
	label := "urn:c2pa:" + newUUID()
	length := 0
	for range 8 {
		store, err := buildStore(m, s, parent, srcFormat, label, dataHash{
			Exclusions: []exclusion{{Start: b.start, Length: length}},
			Name:       "jumbf manifest",
			Alg:        "sha256",
			Hash:       b.hash,
			Pad:        []byte{},
		})
		if err != nil {
			return nil, err
		}
		wrapped, err := b.wrap(store)
		if err != nil {
			return nil, err
		}
		if len(wrapped) == length {
			return wrapped, nil
		}
		length = len(wrapped)
	}
	return nil, fmt.Errorf("c2pa: manifest size did not settle")
}

// buildStore lays out the store: the parent's manifests first, verbatim,
// then the new one, which C2PA makes the active manifest by being last.
func buildStore(m Manifest, s Signer, parent *parentStore, srcFormat, label string, dh dataHash) ([]byte, error) {
	var boxes [][]byte
	var assertions [][]byte
	var parentRef *hashedURI
	if parent != nil {
		boxes = append(boxes, parent.manifests...)
	}
	// c2pa.opened must name its parent, with or without a manifest.
	if parent != nil || m.Action == Edited {
		ing, err := encode(parent.ingredient(m, srcFormat))
		if err != nil {
			return nil, err
		}
		assertions = append(assertions, cborBox(typeCBOR, labelIngredient, ing))
		parentRef = assertionRef(labelIngredient, assertions[0])
	}
	act, err := encode(actionsFor(m, parentRef))
	if err != nil {
		return nil, err
	}
	hash, err := encode(dh)
	if err != nil {
		return nil, err
	}
	assertions = append(assertions, cborBox(typeCBOR, labelActions, act), cborBox(typeCBOR, labelDataHash, hash))
	manifest, err := signedManifest(m, s, label, assertions)
	if err != nil {
		return nil, err
	}
	return superbox(typeStore, "c2pa", append(boxes, manifest)...), nil
}

// signedManifest writes the claim over the assertions and signs it.
func signedManifest(m Manifest, s Signer, label string, assertions [][]byte) ([]byte, error) {
	c := claim{
		InstanceID: "xmp:iid:" + newUUID(),
		Generator:  m.agent(),
		Signature:  "self#jumbf=" + labelSignature,
		Title:      m.Title,
		Alg:        "sha256",
	}
	for i, a := range assertions {
		c.Created = append(c.Created, *assertionRef(assertionLabel(assertions[i]), a))
	}
	claimBytes, err := encode(c)
	if err != nil {
		return nil, err
	}
	sig, err := s.sign(claimBytes)
	if err != nil {
		return nil, err
	}
	return superbox(typeManifest, label,
		superbox(typeAssertions, labelAssertions, assertions...),
		cborBox(typeClaim, labelClaim, claimBytes),
		cborBox(typeSignature, labelSignature, sig)), nil
}

// assertionRef is the claim's (and an action's) pointer to an assertion.
func assertionRef(label string, sb []byte) *hashedURI {
	sum := sha256.Sum256(boxBody(sb))
	return &hashedURI{URL: "self#jumbf=" + labelAssertions + "/" + label, Hash: sum[:]}
}

// assertionLabel reads back the label of a superbox built by cborBox.
func assertionLabel(sb []byte) string {
	nodes, err := parseBoxes(sb, 1)
	if err != nil || len(nodes) != 1 {
		return ""
	}
	return nodes[0].label
}

func encode(v any) ([]byte, error) {
	b, err := cbor.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("c2pa: cbor: %w", err)
	}
	return b, nil
}

// newUUID is a random (version 4) UUID in its usual text form.
func newUUID() string {
	var u [16]byte
	_, _ = rand.Read(u[:])
	u[6] = u[6]&0x0F | 0x40
	u[8] = u[8]&0x3F | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", u[:4], u[4:6], u[6:8], u[8:10], u[10:])
}

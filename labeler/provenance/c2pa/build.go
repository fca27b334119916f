package c2pa

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"fmt"

	"github.com/fxamacker/cbor/v2"
	"github.com/veraison/go-cose"
)

// fixedAssertions are the assertion boxes that do not depend on the
// asset's hash: the parent ingredient (when there is one, or when the
// action is an edit, which must name what it opened) and the actions.
func fixedAssertions(m Manifest) ([][]byte, error) {
	var out [][]byte
	var parentRef *hashedURI
	if m.Parent != nil || m.Action == Edited {
		ing, err := encode(m.Parent.ingredient(m))
		if err != nil {
			return nil, err
		}
		out = append(out, cborBox(typeCBOR, labelIngredient, ing))
		parentRef = assertionRef(labelIngredient, out[0])
	}
	act, err := encode(actionsFor(m, parentRef))
	if err != nil {
		return nil, err
	}
	return append(out, cborBox(typeCBOR, labelActions, act)), nil
}

// storeParts are the pieces of Belgi's manifest, kept so the signature
// can be padded without signing again.
type storeParts struct {
	assertions [][]byte
	claim      []byte
	sig        *cose.Sign1Message
	sigRaw     []byte
}

// store builds the whole store with hard binding hb; timestamp asks the
// signer's time-stamp authority to countersign (skipped for sizing).
func (z *Sealer) store(ctx context.Context, hb []byte, timestamp bool) ([]byte, storeParts, error) {
	p := storeParts{assertions: append(append([][]byte{}, z.fixed...), hb)}
	var err error
	if p.claim, err = z.claimFor(p.assertions); err != nil {
		return nil, p, err
	}
	if p.sig, err = z.s.coseSign(ctx, p.claim, timestamp); err != nil {
		return nil, p, err
	}
	if p.sigRaw, err = p.sig.MarshalCBOR(); err != nil {
		return nil, p, fmt.Errorf("c2pa: sign claim: %w", err)
	}
	return z.assemble(p.assertions, p.claim, p.sigRaw), p, nil
}

// assemble lays out the store: the parent's manifests first, verbatim,
// then Belgi's, which C2PA makes the active manifest by being last.
func (z *Sealer) assemble(assertions [][]byte, claim, sig []byte) []byte {
	manifest := superbox(typeManifest, z.label,
		superbox(typeAssertions, labelAssertions, assertions...),
		cborBox(typeClaim, labelClaim, claim),
		cborBox(typeSignature, labelSignature, sig))
	var boxes [][]byte
	if z.m.Parent != nil {
		boxes = append(boxes, z.m.Parent.manifests...)
	}
	return superbox(typeStore, "c2pa", append(boxes, manifest)...)
}

// claimFor writes the claim over the assertions.
func (z *Sealer) claimFor(assertions [][]byte) ([]byte, error) {
	c := claim{
		InstanceID: "xmp:iid:" + newUUID(),
		Generator:  z.m.agent(),
		Signature:  "self#jumbf=" + labelSignature,
		Title:      z.m.Title,
		Alg:        "sha256",
	}
	for _, a := range assertions {
		c.Created = append(c.Created, *assertionRef(assertionLabel(a), a))
	}
	if z.m.Parent != nil {
		c.Redacted = z.m.Parent.redactions
	}
	return encode(c)
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

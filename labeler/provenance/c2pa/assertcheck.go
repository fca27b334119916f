package c2pa

import (
	"bytes"
	"crypto"
	_ "crypto/sha512" // SHA-384 and SHA-512 for hashed URIs
	"fmt"

	"github.com/fxamacker/cbor/v2"
)

type hashAlg = crypto.Hash

// hashByName picks a hashed URI's algorithm: its own, else the claim's,
// else SHA-256.
func hashByName(names ...string) (hashAlg, bool) {
	for _, n := range names {
		switch n {
		case "":
			continue
		case "sha256":
			return crypto.SHA256, true
		case "sha384":
			return crypto.SHA384, true
		case "sha512":
			return crypto.SHA512, true
		}
		return 0, false
	}
	return crypto.SHA256, true
}

// redactionUUID marks the content of a redacted assertion's box (C2PA
// "Redaction of assertions"); what follows it must be zeros, or nothing.
var redactionUUID = [16]byte{0xCA, 0xA9, 0x8E, 0xEE, 0x9D, 0x4D, 0xF8, 0x0E, 0x86, 0xAD, 0x4D, 0xFF, 0xCA, 0x26, 0x39, 0x73}

func errBoxf(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{errBox}, args...)...)
}

// assertionRef checks one hashed URI of m's claim against the assertion
// it names, unless that assertion was redacted.
func (v *validator) assertionRef(m *manifest, ref hashedURI) {
	label, path := splitURI(ref.URL)
	abs := m.absolute(ref.URL)
	if label != "" && label != m.label {
		v.log.fail("assertion.outsideManifest", ref.URL, "assertion reference to another manifest")
		return
	}
	if v.redacted(abs) {
		return
	}
	a, ok := m.assertion(lastPart(path))
	if !ok {
		v.log.fail("assertion.missing", abs, "cannot find the assertion")
		return
	}
	if isRedaction(a) && !redactedEmpty(a) {
		v.log.fail("assertion.notRedacted", abs, "redacted assertion data must be zeros or empty")
	}
	h, ok := hashByName(ref.Alg, m.claim.Alg)
	if !ok {
		v.log.note("algorithm.unsupported", abs, ref.Alg)
		return
	}
	if bytes.Equal(digest(h, boxBody(a.raw)), ref.Hash) {
		v.log.ok("assertion.hashedURI.match", abs, "")
		return
	}
	if c := contentOf(a); c != nil && bytes.Equal(digest(h, c), ref.Hash) {
		m.prerelease = true // hashed its data alone, as manifests before C2PA 1.0 did
	}
	v.log.fail("assertion.hashedURI.mismatch", abs, "hash does not match assertion data")
}

// contentOf is an assertion's data: its first content box's payload.
func contentOf(a node) []byte {
	if len(a.kids) == 0 {
		return nil
	}
	return a.kids[0].body
}

func redactedEmpty(a node) bool {
	for _, k := range a.kids {
		if k.typ == "uuid" && len(bytes.Trim(k.body[16:], "\x00")) > 0 {
			return false
		}
	}
	return true
}

// actionFields is one action as validation and reports read it.
type actionFields struct {
	Action            string `cbor:"action"`
	DigitalSourceType string `cbor:"digitalSourceType"`
	SoftwareAgent     any    `cbor:"softwareAgent"`
	Parameters        *struct {
		Ingredient  *hashedURI  `cbor:"ingredient"`
		Ingredients []hashedURI `cbor:"ingredients"`
		Redacted    string      `cbor:"redacted"`
	} `cbor:"parameters"`
}

// actionsOf lists m's actions assertions, each with its label.
func (m *manifest) actionsOf() (labels []string, lists [][]actionFields) {
	for _, a := range m.assertions.kids {
		base := baseLabel(a.label)
		if a.typ != "jumb" || (base != "c2pa.actions" && base != "c2pa.actions.v2") {
			continue
		}
		var acts struct {
			Actions []actionFields `cbor:"actions"`
		}
		if b, ok := a.cborContent(); ok && cbor.Unmarshal(b, &acts) == nil {
			labels, lists = append(labels, a.label), append(lists, acts.Actions)
		}
	}
	return labels, lists
}

// actions applies C2PA's rules for actions (claim v2 only, as the
// reference does by default): what opens or places content must name
// its ingredient, and a created asset must say how it was made.
func (v *validator) actions(m *manifest) {
	if m.version < 2 {
		return
	}
	labels, lists := m.actionsOf()
	for i, acts := range lists {
		url := m.uri(labelAssertions + "/" + labels[i])
		for _, a := range acts {
			v.action(m, a, url)
		}
	}
}

func (v *validator) action(m *manifest, a actionFields, url string) {
	switch a.Action {
	case "c2pa.opened", "c2pa.placed", "c2pa.removed":
		rel := "componentOf"
		if a.Action == "c2pa.opened" {
			rel = "parentOf"
		}
		if !m.namesIngredient(a, rel) {
			v.log.fail("assertion.action.ingredientMismatch", url, a.Action+" must name an ingredient that is "+rel)
		}
	case "c2pa.created":
		if a.DigitalSourceType == "" {
			v.log.fail("assertion.action.malformed", url, "c2pa.created action must have a digitalSourceType")
		}
	}
}

// namesIngredient reports whether an action's parameters point at an
// ingredient assertion of m with the relationship rel.
func (m *manifest) namesIngredient(a actionFields, rel string) bool {
	if a.Parameters == nil {
		return false
	}
	refs := a.Parameters.Ingredients
	if a.Parameters.Ingredient != nil {
		refs = []hashedURI{*a.Parameters.Ingredient}
	}
	for _, r := range refs {
		target := lastPart(r.URL)
		for _, ia := range m.ingredientAssertions() {
			if ia.label == target && ia.f.Relationship == rel {
				return true
			}
		}
	}
	return false
}

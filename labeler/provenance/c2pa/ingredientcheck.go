package c2pa

import (
	"bytes"
	"strings"
	"time"

	"github.com/fxamacker/cbor/v2"
)

// ingredientFields is what validation reads of an ingredient assertion
// of any version (v1/v2 name the manifest c2pa_manifest, v3
// activeManifest; v3 records validationResults, older ones
// validationStatus).
type ingredientFields struct {
	Title             string     `cbor:"dc:title"`
	Format            string     `cbor:"dc:format"`
	Relationship      string     `cbor:"relationship"`
	C2PAManifest      *hashedURI `cbor:"c2pa_manifest"`
	ActiveManifest    *hashedURI `cbor:"activeManifest"`
	ClaimSignature    *hashedURI `cbor:"claimSignature"`
	ValidationStatus  []Status   `cbor:"validationStatus"`
	ValidationResults *struct {
		ActiveManifest   Results `cbor:"activeManifest"`
		IngredientDeltas []struct {
			URI    string  `cbor:"ingredientAssertionURI"`
			Deltas Results `cbor:"validationDeltas"`
		} `cbor:"ingredientDeltas"`
	} `cbor:"validationResults"`
}

func (f ingredientFields) manifestRef() *hashedURI {
	if f.ActiveManifest != nil {
		return f.ActiveManifest
	}
	return f.C2PAManifest
}

// statuses are the validation statuses the ingredient recorded.
func (f ingredientFields) statuses() []Status {
	if f.ValidationResults == nil {
		return f.ValidationStatus
	}
	r := f.ValidationResults.ActiveManifest
	out := append(append(append([]Status{}, r.Success...), r.Informational...), r.Failure...)
	for _, d := range f.ValidationResults.IngredientDeltas {
		out = append(out, d.Deltas.Success...)
		out = append(append(out, d.Deltas.Informational...), d.Deltas.Failure...)
	}
	return out
}

// ingredientAssertion is one ingredient assertion of a manifest.
type ingredientAssertion struct {
	label string
	f     ingredientFields
	ok    bool
}

// ingredientAssertions lists m's ingredient assertions in order.
func (m *manifest) ingredientAssertions() []ingredientAssertion {
	var out []ingredientAssertion
	for _, a := range m.assertions.kids {
		base := baseLabel(a.label)
		if a.typ != "jumb" || (base != "c2pa.ingredient" && !strings.HasPrefix(base, "c2pa.ingredient.v")) {
			continue
		}
		ia := ingredientAssertion{label: a.label}
		if b, ok := a.cborContent(); ok && len(bytes.Trim(b, "\x00")) > 0 {
			ia.ok = cbor.Unmarshal(b, &ia.f) == nil
		}
		out = append(out, ia)
	}
	return out
}

// ingredients checks each ingredient of m whose manifest is in the
// store: that it is the one the ingredient names, then its claim,
// recursively. Statuses found meanwhile are attributed to the
// ingredient assertion, as deltas.
func (v *validator) ingredients(m *manifest, depth int, signedAt time.Time) {
	if depth > maxIngredientDepth {
		return
	}
	for _, ia := range m.ingredientAssertions() {
		prev := v.log.ingredient
		v.log.ingredient = m.uri(labelAssertions + "/" + ia.label)
		v.ingredient(m, ia, depth, signedAt)
		v.log.ingredient = prev
	}
}

// maxIngredientDepth bounds the recursion, as c2pa-rs does.
const maxIngredientDepth = 32

func (v *validator) ingredient(m *manifest, ia ingredientAssertion, depth int, usedAt time.Time) {
	if !ia.ok {
		return
	}
	ref := ia.f.manifestRef()
	if ref == nil {
		if ia.f.Relationship != "inputTo" {
			v.log.note("ingredient.unknownProvenance", v.log.ingredient, ia.f.Title+": ingredient does not have provenance")
		}
		return
	}
	label, _ := splitURI(ref.URL)
	im := v.store.byName[label]
	if im == nil {
		// c2pa-rs reports a missing ingredient manifest twice: for the
		// active manifest, whose references it walks first, and as a delta.
		cur := v.log.ingredient
		v.log.ingredient = ""
		v.log.fail("ingredient.manifest.missing", label, "ingredient manifest missing")
		v.log.ingredient = cur
		v.log.fail("ingredient.manifest.missing", label, "ingredient not found")
		return
	}
	v.ingredientHash(ia, im, ref)
	if v.visited[im.label] {
		return
	}
	v.visited[im.label] = true
	sig := v.claim(im, usedAt)
	v.describe(im, depth, ia.f.Relationship, ia.f.Title, sig)
	v.ingredients(im, depth+1, sig.when)
}

// ingredientHash checks that the manifest is the one the ingredient
// names: by the hash of its box, or of its claim (before C2PA 1.3), or,
// when assertions of it were redacted since, by its signature's hash.
func (v *validator) ingredientHash(ia ingredientAssertion, im *manifest, ref *hashedURI) {
	h, ok := hashByName(ref.Alg, im.claim.Alg)
	if !ok {
		v.log.note("algorithm.unsupported", ref.URL, ref.Alg)
		return
	}
	if v.redactedIn(im.label) {
		v.claimSignatureHash(ia, im, h)
		return
	}
	switch {
	case bytes.Equal(digest(h, boxBody(im.node.raw)), ref.Hash):
		v.log.ok("ingredient.manifest.validated", ref.URL, "ingredient hash matched")
	case bytes.Equal(digest(h, im.claimBytes), ref.Hash): // pre-1.3 manifests hashed their claim
	default:
		v.log.fail("ingredient.manifest.mismatch", ref.URL, "ingredient hash incorrect")
	}
}

func (v *validator) claimSignatureHash(ia ingredientAssertion, im *manifest, h hashAlg) {
	cs := ia.f.ClaimSignature
	sig, found := im.node.child(labelSignature)
	switch {
	case cs == nil:
		v.log.fail("ingredient.claimSignature.missing", im.uri(""), "ingredient claimSignature missing")
	case found && bytes.Equal(digest(h, boxBody(sig.raw)), cs.Hash):
		v.log.note("ingredient.claimSignature.validated", cs.URL, "ingredient claimSignature validated")
	default:
		v.log.fail("ingredient.claimSignature.mismatch", cs.URL, "ingredient claimSignature mismatch")
	}
}

// redactedIn reports whether any redaction names an assertion of the
// manifest labeled label.
func (v *validator) redactedIn(label string) bool {
	for _, r := range v.redactions {
		if strings.HasPrefix(r, "self#jumbf=/c2pa/"+label+"/") {
			return true
		}
	}
	return false
}

// recorded is the set of statuses ingredient assertions recorded, with
// their URLs made absolute in the ingredient's manifest.
func (v *validator) recorded() map[string]bool {
	out := map[string]bool{}
	for _, m := range v.store.order {
		for _, ia := range m.ingredientAssertions() {
			ref := ia.f.manifestRef()
			if !ia.ok || ref == nil {
				continue
			}
			label, _ := splitURI(ref.URL)
			for _, s := range ia.f.statuses() {
				url := s.URL
				if strings.HasPrefix(url, "self#jumbf") {
					if l, path := splitURI(url); l == "" {
						url = "self#jumbf=/c2pa/" + label + "/" + path
					}
				}
				out[statusKey(logged{Status: Status{Code: s.Code, URL: url}, kind: kindOf(s.Code)})] = true
			}
		}
	}
	return out
}

// kindOf is a code's kind, by the C2PA list: the ones whose names say
// they failed, and the few informational ones.
func kindOf(code string) int {
	switch {
	case strings.HasSuffix(code, ".untrusted") && strings.HasPrefix(code, "timeStamp"),
		strings.HasPrefix(code, "ingredient.unknownProvenance"), strings.HasSuffix(code, ".skipped"),
		code == "algorithm.deprecated", code == "ingredient.claimSignature.validated", code == "timeStamp.malformed",
		code == "timeStamp.mismatch", code == "timeStamp.outsideValidity", code == "assertion.dataHash.additionalExclusionsPresent":
		return kindInfo
	}
	for _, ok := range []string{".validated", ".match", ".trusted", ".insideValidity", ".notRevoked", ".valid"} {
		if strings.HasSuffix(code, ok) {
			return kindSuccess
		}
	}
	return kindFailure
}

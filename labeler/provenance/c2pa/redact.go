package c2pa

import (
	"encoding/binary"
	"strings"
)

// redactable reports whether an assertion of a source's manifest shows
// the content as it was before labeling, which must not travel inside a
// labeled file (issue 15: no unlabeled picture left anywhere): the claim
// thumbnail and ingredient thumbnails, of any image format.
func redactable(label string) bool {
	base := baseLabel(label)
	return strings.HasPrefix(base, "c2pa.thumbnail.claim") || strings.HasPrefix(base, "c2pa.thumbnail.ingredient")
}

// redactThumbnails returns the manifests of a source's store with their
// thumbnails redacted as C2PA specifies ("Redaction of assertions"): the
// assertion's box is removed from the assertion store — as the reference
// implementation redacts; its alternative, a box whose content is the
// redaction UUID and zeros, the reference's reader (c2pa-wasm 0.15)
// fails to load — and the new claim lists its URI in redacted_assertions
// with a c2pa.redacted action for each. Everything else stays byte for
// byte, so the manifests' signatures still verify; validators check a
// redacted ingredient by its claim signature's hash, not its whole box.
func redactThumbnails(sv *storeView) (manifests [][]byte, uris []string) {
	for _, m := range sv.order {
		var kept [][]byte
		changed := false
		for _, a := range m.assertions.kids {
			if a.typ == "jumb" && redactable(a.label) && !isRedaction(a) {
				uris = append(uris, m.uri(labelAssertions+"/"+a.label))
				changed = true
				continue
			}
			kept = append(kept, a.raw)
		}
		if !changed {
			manifests = append(manifests, m.node.raw)
			continue
		}
		manifests = append(manifests, m.withAssertions(kept))
	}
	return manifests, uris
}

// withAssertions rebuilds the manifest's box with a new assertion store
// content, keeping its description and every other box as they were.
func (m *manifest) withAssertions(assertions [][]byte) []byte {
	store := rebuild(m.assertions, assertions)
	var kids [][]byte
	for _, k := range m.node.kids {
		if k.typ == "jumb" && k.label == labelAssertions {
			kids = append(kids, store)
			continue
		}
		kids = append(kids, k.raw)
	}
	return rebuild(m.node, kids)
}

// rebuild is a superbox with nd's own description box and new content.
func rebuild(nd node, content [][]byte) []byte {
	jumd := nd.body[:binary.BigEndian.Uint32(nd.body)]
	return box(nil, "jumb", append([][]byte{jumd}, content...)...)
}

package c2pa

import (
	"bytes"
	"strings"

	"github.com/fxamacker/cbor/v2"
)

// storeView is a parsed manifest store: every manifest by label, in the
// order they lie, the last being the active one (C2PA "Locating the
// active manifest").
type storeView struct {
	order  []*manifest
	byName map[string]*manifest
}

// manifest is one manifest of a store, with its claim decoded.
type manifest struct {
	node       node
	label      string
	claimBytes []byte
	claim      claimFields
	version    int // claim version: 1 (c2pa.claim) or 2 (c2pa.claim.v2)
	// prerelease: the claim is JSON, as manifests made before C2PA 1.0.
	prerelease bool
	sig        []byte
	sigFound   bool
	assertions node
}

// claimFields is what validation and reports read from a claim of
// either version.
type claimFields struct {
	Signature     string      `cbor:"signature"`
	Alg           string      `cbor:"alg"`
	Created       []hashedURI `cbor:"created_assertions"`
	Gathered      []hashedURI `cbor:"gathered_assertions"`
	Assertions    []hashedURI `cbor:"assertions"` // claim v1
	Redacted      []string    `cbor:"redacted_assertions"`
	Title         string      `cbor:"dc:title"`
	Format        string      `cbor:"dc:format"`
	InstanceID    string      `cbor:"instanceID"`
	GeneratorInfo any         `cbor:"claim_generator_info"`
	Generator     string      `cbor:"claim_generator"`
}

// refs lists every assertion the claim names, created then gathered.
func (c claimFields) refs() []hashedURI {
	return append(append(append([]hashedURI{}, c.Created...), c.Gathered...), c.Assertions...)
}

// newStoreView parses a store; a store with no manifest is an error.
func newStoreView(store []byte) (*storeView, error) {
	root, err := parseStore(store)
	if err != nil {
		return nil, err
	}
	v := &storeView{byName: map[string]*manifest{}}
	for _, k := range root.kids {
		if k.typ == "jumb" && k.uuid == typeManifest || k.uuid == typeUpdateManifest {
			m := readManifest(k)
			v.order = append(v.order, m)
			v.byName[m.label] = m
		}
	}
	if len(v.order) == 0 {
		return nil, errBoxf("manifest store without a manifest")
	}
	return v, nil
}

// typeUpdateManifest marks an update manifest (C2PA "c2um").
var typeUpdateManifest = jumbfUUID("c2um")

func (v *storeView) active() *manifest { return v.order[len(v.order)-1] }

// readManifest decodes a manifest's claim and finds its signature.
func readManifest(k node) *manifest {
	m := &manifest{node: k, label: k.label}
	m.assertions, _ = k.child(labelAssertions)
	for _, c := range []struct {
		label   string
		version int
	}{{labelClaim, 2}, {"c2pa.claim", 1}} {
		cl, ok := k.child(c.label)
		if !ok {
			continue
		}
		if b, ok := cl.cborContent(); ok {
			m.claimBytes, m.version = b, c.version
			if cbor.Unmarshal(b, &m.claim) != nil {
				m.claimBytes = nil
			}
		} else if hasBox(cl, "json") {
			m.prerelease = true
		}
		break
	}
	if s, ok := k.child(labelSignature); ok {
		m.sig, m.sigFound = s.cborContent()
	}
	return m
}

func hasBox(nd node, typ string) bool {
	for _, k := range nd.kids {
		if k.typ == typ {
			return true
		}
	}
	return false
}

// uri is the absolute JUMBF URI of a box of this manifest ("" for the
// manifest itself).
func (m *manifest) uri(path string) string {
	u := "self#jumbf=/c2pa/" + m.label
	if path != "" {
		u += "/" + path
	}
	return u
}

// assertion finds an assertion box by label (with its "__N" instance).
func (m *manifest) assertion(label string) (node, bool) {
	return m.assertions.child(label)
}

// generatorName is the claim generator's name, for reports and for
// recognising Belgi's own manifests.
func (m *manifest) generatorName() (name, version string) {
	info := m.claim.GeneratorInfo
	if list, ok := info.([]any); ok && len(list) > 0 {
		info = list[0]
	}
	if g, ok := info.(map[any]any); ok {
		name, _ = g["name"].(string)
		version, _ = g["version"].(string)
		return name, version
	}
	name, version, _ = strings.Cut(m.claim.Generator, "/")
	return name, version
}

// splitURI cuts a hashed URI into the manifest it names ("" when it is
// relative to the manifest holding it) and the path inside it.
func splitURI(u string) (manifestLabel, path string) {
	u = strings.TrimPrefix(u, "self#jumbf=")
	if !strings.HasPrefix(u, "/") {
		return "", u
	}
	u = strings.TrimPrefix(u, "/c2pa/")
	manifestLabel, path, _ = strings.Cut(u, "/")
	return manifestLabel, path
}

// lastPart is the last component of a JUMBF path: an assertion label.
func lastPart(path string) string {
	return path[strings.LastIndex(path, "/")+1:]
}

// absolute resolves a hashed URI found in m to an absolute one.
func (m *manifest) absolute(u string) string {
	label, path := splitURI(u)
	if label == "" {
		label = m.label
	}
	return "self#jumbf=/c2pa/" + label + "/" + path
}

// isRedaction reports whether uuid box content is C2PA's redaction
// marker, which stands in for a redacted assertion.
func isRedaction(nd node) bool {
	for _, k := range nd.kids {
		if k.typ == "uuid" && len(k.body) >= 16 && bytes.Equal(k.body[:16], redactionUUID[:]) {
			return true
		}
	}
	return false
}

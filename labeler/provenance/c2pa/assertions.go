package c2pa

import "github.com/fxamacker/cbor/v2"

// Assertion labels Belgi writes.
const (
	labelActions    = "c2pa.actions.v2"
	labelIngredient = "c2pa.ingredient.v3"
	labelDataHash   = "c2pa.hash.data"
	labelBMFFHash   = "c2pa.hash.bmff.v3"
	labelClaim      = "c2pa.claim.v2"
	labelSignature  = "c2pa.signature"
	labelAssertions = "c2pa.assertions"
)

// hashedURI points at a box of the manifest store and pins its content.
type hashedURI struct {
	URL  string `cbor:"url"`
	Hash []byte `cbor:"hash"`
	Alg  string `cbor:"alg,omitempty"`
}

type action struct {
	Action            string        `cbor:"action"`
	DigitalSourceType string        `cbor:"digitalSourceType,omitempty"`
	SoftwareAgent     *generator    `cbor:"softwareAgent,omitempty"`
	Description       string        `cbor:"description,omitempty"`
	Parameters        *actionParams `cbor:"parameters,omitempty"`
}

type actionParams struct {
	Ingredients []hashedURI `cbor:"ingredients,omitempty"`
	Redacted    string      `cbor:"redacted,omitempty"`
}

type actions struct {
	Actions []action `cbor:"actions"`
}

// actionsFor lists what happened. The digitalSourceType rides on the
// action that brought the AI in: c2pa.created for a generated asset with
// no history, otherwise the c2pa.edited that follows c2pa.opened of the
// parent ingredient.
func actionsFor(m Manifest, parent *hashedURI) actions {
	g, ai := m.agent(), m.aiAgent()
	if parent == nil && m.Action == Created {
		return actions{[]action{{Action: "c2pa.created", DigitalSourceType: m.DigitalSourceType, SoftwareAgent: &ai}}}
	}
	opened := action{Action: "c2pa.opened", SoftwareAgent: &g}
	if parent != nil {
		opened.Parameters = &actionParams{Ingredients: []hashedURI{*parent}}
	}
	out := []action{opened}
	if m.Parent != nil {
		for _, uri := range m.Parent.redactions {
			out = append(out, action{Action: "c2pa.redacted", SoftwareAgent: &g, Parameters: &actionParams{Redacted: uri},
				Description: "a picture of the content before its AI label was added"})
		}
	}
	edited := action{
		Action:            "c2pa.edited",
		DigitalSourceType: m.DigitalSourceType,
		SoftwareAgent:     &ai,
		Description:       "Belgi added a visible AI disclosure label",
	}
	return actions{append(out, edited)}
}

// Exclusion is a byte range of an asset left out of its data hash: where
// the manifest store itself lies, and whatever else changes with it.
type Exclusion struct {
	Start  int64 `cbor:"start"`
	Length int64 `cbor:"length"`
}

// dataHash is the c2pa.hash.data hard binding.
type dataHash struct {
	Exclusions []Exclusion `cbor:"exclusions"`
	Name       string      `cbor:"name,omitempty"`
	Alg        string      `cbor:"alg,omitempty"`
	Hash       []byte      `cbor:"hash"`
	Pad        []byte      `cbor:"pad"`
}

// bmffHash is the c2pa.hash.bmff.v3 hard binding of a whole BMFF file
// (no Merkle trees: Belgi writes plain, unfragmented files).
type bmffHash struct {
	Exclusions []bmffExclusion `cbor:"exclusions"`
	Alg        string          `cbor:"alg,omitempty"`
	Hash       []byte          `cbor:"hash,omitempty"`
	Name       string          `cbor:"name,omitempty"`
	Merkle     cbor.RawMessage `cbor:"merkle,omitempty"`
}

// bmffExclusion leaves out the top-level boxes at xpath whose bytes at
// each Data offset equal its value.
type bmffExclusion struct {
	XPath string     `cbor:"xpath"`
	Data  []bmffData `cbor:"data,omitempty"`
}

type bmffData struct {
	Offset int64  `cbor:"offset"`
	Value  []byte `cbor:"value"`
}

// ingredient is c2pa.ingredient.v3. ActiveManifest and ClaimSignature
// point at the parent's manifest, copied verbatim into the new store.
type ingredient struct {
	Title             string             `cbor:"dc:title,omitempty"`
	Format            string             `cbor:"dc:format,omitempty"`
	Relationship      string             `cbor:"relationship"`
	ActiveManifest    *hashedURI         `cbor:"activeManifest,omitempty"`
	ClaimSignature    *hashedURI         `cbor:"claimSignature,omitempty"`
	ValidationResults *validationResults `cbor:"validationResults,omitempty"`
}

type validationResults struct {
	ActiveManifest   Results           `cbor:"activeManifest"`
	IngredientDeltas []ingredientDelta `cbor:"ingredientDeltas,omitempty"`
}

type ingredientDelta struct {
	URI    string  `cbor:"ingredientAssertionURI"`
	Deltas Results `cbor:"validationDeltas"`
}

// claim is c2pa.claim.v2.
type claim struct {
	InstanceID string      `cbor:"instanceID"`
	Generator  generator   `cbor:"claim_generator_info"`
	Signature  string      `cbor:"signature"`
	Created    []hashedURI `cbor:"created_assertions"`
	Redacted   []string    `cbor:"redacted_assertions,omitempty"`
	Title      string      `cbor:"dc:title,omitempty"`
	Alg        string      `cbor:"alg"`
}

package labeler

import "time"

// C2PA validation states (Credentials.State), as the C2PA specification
// and its reference implementation name them.
const (
	StateTrusted = "Trusted" // valid, and the signer chains to a trust anchor
	StateValid   = "Valid"   // nothing failed but, perhaps, trust
	StateInvalid = "Invalid" // a signature, hash or rule failed
)

// Credentials is what validating a file's C2PA Content Credentials
// found: the verdict and the chain of manifests behind it.
type Credentials struct {
	State string `json:"state"`
	// Failures are the failure codes of the active manifest and of its
	// ingredients' manifests (C2PA status codes, e.g.
	// assertion.dataHash.mismatch, signingCredential.untrusted).
	Failures []string `json:"failures,omitempty"`
	// Sidecar is the .c2pa file the store came from, "" when embedded.
	Sidecar string `json:"sidecar,omitempty"`
	// Remote is where a manifest kept elsewhere would be fetched from;
	// Belgi never fetches it.
	Remote string `json:"remote,omitempty"`
	// Manifests: the active manifest first, then its ingredients'
	// manifests, depth first.
	Manifests []Manifest `json:"manifests,omitempty"`
	// ByBelgi: the active manifest was made by Belgi.
	ByBelgi bool `json:"by_belgi,omitempty"`
}

// Manifest is one manifest of a chain, as people read it.
type Manifest struct {
	Label string `json:"label"`
	// Depth is 0 for the active manifest, 1 for its ingredients' ...
	Depth int `json:"depth"`
	// Relationship and Title: how the manifest that uses this one names
	// it (parentOf, componentOf, inputTo).
	Relationship string `json:"relationship,omitempty"`
	Title        string `json:"title,omitempty"`
	// Signer and Issuer: organisation (else common name) of the signing
	// certificate and of its issuer.
	Signer string `json:"signer,omitempty"`
	Issuer string `json:"issuer,omitempty"`
	// Time is the time-stamp's time; TimeTrusted says its authority is
	// trusted. Zero without a time-stamp.
	Time        time.Time `json:"time,omitzero"`
	TimeTrusted bool      `json:"time_trusted,omitempty"`
	Generator   string    `json:"generator,omitempty"`
	Actions     []Action  `json:"actions,omitempty"`
	// Success, Informational and Failure are the status codes about it.
	Success       []string `json:"success,omitempty"`
	Informational []string `json:"informational,omitempty"`
	Failure       []string `json:"failure,omitempty"`
}

// Action is one action a manifest records.
type Action struct {
	Action            string `json:"action"`
	DigitalSourceType string `json:"digital_source_type,omitempty"`
	Agent             string `json:"agent,omitempty"`
}

// AI reports whether the manifest declares an AI digital source type.
func (m Manifest) AI() bool {
	for _, a := range m.Actions {
		if IsAI(a.DigitalSourceType) {
			return true
		}
	}
	return false
}

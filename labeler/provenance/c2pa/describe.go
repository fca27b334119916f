package c2pa

import "time"

// ManifestInfo describes one manifest of a chain for people: who signed
// it and when, what it says happened, and what validating it found.
type ManifestInfo struct {
	Label string
	// Depth is 0 for the active manifest, 1 for its ingredients' ...
	Depth int
	// Relationship and Title are how the manifest that uses this one as
	// an ingredient names it ("parentOf", "componentOf", "inputTo").
	Relationship, Title string
	// Signer and Issuer: the organisation (else common name) of the
	// signing certificate and of its issuer.
	Signer, Issuer string
	// Time is the time-stamp's time (zero without one); TimeTrusted
	// says the time-stamp authority is trusted.
	Time        time.Time
	TimeTrusted bool
	// Generator is the claim generator, "name version".
	Generator string
	Actions   []ActionInfo
	Results   Results
}

// ActionInfo is one action a manifest records.
type ActionInfo struct {
	Action            string
	DigitalSourceType string
	Agent             string
}

// describe records m for the chain the validation reports.
func (v *validator) describe(m *manifest, depth int, rel, title string, s signed) {
	info := ManifestInfo{Label: m.label, Depth: depth, Relationship: rel, Title: title}
	if info.Title == "" {
		info.Title = m.claim.Title
	}
	if len(s.chain) > 0 {
		info.Signer, info.Issuer = certName(s.chain[0].Subject.Organization, s.chain[0].Subject.CommonName),
			certName(s.chain[0].Issuer.Organization, s.chain[0].Issuer.CommonName)
	}
	info.Time, info.TimeTrusted = s.when, s.stamped
	name, version := m.generatorName()
	info.Generator = joinNonEmpty(name, version)
	_, lists := m.actionsOf()
	for _, acts := range lists {
		for _, a := range acts {
			info.Actions = append(info.Actions, ActionInfo{Action: a.Action, DigitalSourceType: a.DigitalSourceType, Agent: agentName(a.SoftwareAgent)})
		}
	}
	v.infos = append(v.infos, info)
}

// certName prefers the last organisation, as the reference implementation
// names signers, and falls back to the common name.
func certName(orgs []string, cn string) string {
	if len(orgs) > 0 {
		return orgs[len(orgs)-1]
	}
	return cn
}

// agentName reads a softwareAgent: a string (v1) or a generator map.
func agentName(a any) string {
	switch x := a.(type) {
	case string:
		return x
	case map[any]any:
		name, _ := x["name"].(string)
		version, _ := x["version"].(string)
		return joinNonEmpty(name, version)
	}
	return ""
}

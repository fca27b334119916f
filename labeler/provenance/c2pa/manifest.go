package c2pa

import (
	"fmt"
	"strings"

	"github.com/belgi-kz/belgi/labeler"
)

// Action says what Belgi's manifest claims happened to the asset.
type Action int

const (
	// Created: the asset was generated (c2pa.created). When the source
	// already has a manifest, C2PA forbids c2pa.created with a parent, so
	// the manifest says c2pa.opened + c2pa.edited instead.
	Created Action = iota
	// Edited: an existing asset was changed with AI (c2pa.opened of the
	// parent, then c2pa.edited).
	Edited
)

// Manifest is what the caller knows about the asset being signed, all of
// it derived from labeler.Spec and the file names.
type Manifest struct {
	// DigitalSourceType is the IPTC NewsCode URI, spec.DigitalSourceType().
	DigitalSourceType string
	Action            Action
	// SoftwareAgent is "Belgi <version>"; it names both the claim
	// generator and the agent of every action.
	SoftwareAgent string
	// Title is the output's file name (dc:title); SourceTitle the
	// original's, recorded on the parent ingredient.
	Title, SourceTitle string
	// Format is the signed asset's media type; SourceFormat the
	// original's, recorded on the parent ingredient.
	Format, SourceFormat string
	// Parent is the source's manifest store, which becomes the parentOf
	// ingredient; nil when the source had none (see ReadParent).
	Parent *Parent
	// AISystem and AISystemVersion name the AI system that made or
	// changed the asset ("Midjourney", "7"): the softwareAgent of the
	// action that brought the AI in. Empty: Belgi is named.
	AISystem, AISystemVersion string
}

// ManifestFor derives a Manifest from a labeling spec.
func ManifestFor(spec labeler.Spec, title, sourceTitle string) Manifest {
	m := Manifest{
		DigitalSourceType: spec.DigitalSourceType(),
		SoftwareAgent:     labeler.Tool,
		Title:             title,
		SourceTitle:       sourceTitle,
		AISystem:          spec.AISystem.Name,
		AISystemVersion:   spec.AISystem.Version,
	}
	if spec.AI == labeler.Modified {
		m.Action = Edited
	}
	return m
}

func (m Manifest) validate() error {
	if m.DigitalSourceType == "" {
		return fmt.Errorf("c2pa: manifest without a digitalSourceType")
	}
	if m.SoftwareAgent == "" {
		return fmt.Errorf("c2pa: manifest without a software agent")
	}
	return nil
}

// generator is C2PA's ClaimGeneratorInfo, also used as softwareAgent.
type generator struct {
	Name    string `cbor:"name"`
	Version string `cbor:"version,omitempty"`
}

// aiAgent is the softwareAgent of the action that brought the AI in:
// the AI system when the spec names it, else Belgi.
func (m Manifest) aiAgent() generator {
	if m.AISystem == "" {
		return m.agent()
	}
	return generator{Name: m.AISystem, Version: m.AISystemVersion}
}

// agent splits "Belgi 0.1.0" into name and version.
func (m Manifest) agent() generator {
	name, version, ok := strings.Cut(m.SoftwareAgent, " ")
	if !ok {
		return generator{Name: m.SoftwareAgent}
	}
	return generator{Name: name, Version: version}
}

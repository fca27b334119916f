package provenance

import (
	"time"

	"github.com/belgi-kz/belgi/labeler"
)

// MarkFor is the record of labeling with spec, having applied layers.
func MarkFor(spec labeler.Spec, layers []string) Mark {
	langs := make([]string, len(spec.Langs))
	for i, l := range spec.Langs {
		langs[i] = string(l)
	}
	p, _ := labeler.LookupProfile(spec.Profile)
	return Mark{
		DigitalSourceType: spec.DigitalSourceType(),
		Tool:              labeler.Tool,
		Layers:            layers,
		Langs:             langs,
		Involvement:       string(spec.AI),
		Profile:           spec.Profile,
		RealPerson:        spec.RealPerson,
		Time:              time.Now(),
		TC260:             p.TC260,
		ContentID:         NewContentID(),
		AISystem:          spec.AISystem.Name,
		AISystemVersion:   spec.AISystem.Version,
		PromptWriter:      spec.AISystem.PromptWriter,
		AIProvider:        spec.AISystem.Provider,
	}
}

// Report fills a labeler.Report from what was found in a packet.
func (f Found) Report(r *labeler.Report) {
	if f.DigitalSourceType != "" {
		r.DigitalSourceType = f.DigitalSourceType
		r.Provenance = append(r.Provenance, "iptc-xmp")
	}
	if f.TC260 != "" {
		r.Provenance = append(r.Provenance, "tc260")
	}
	if f.Belgi {
		r.Labeled = true
		r.Provenance = append(r.Provenance, "belgi")
		r.Layers = append(r.Layers, f.Layers...)
	}
}

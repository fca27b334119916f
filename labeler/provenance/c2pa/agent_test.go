package c2pa

import (
	"testing"

	"github.com/belgi-kz/belgi/labeler"
)

// The action that brought the AI in names the AI system as its
// softwareAgent; Belgi stays the claim generator and opens the parent.
func TestActionNamesTheAISystem(t *testing.T) {
	spec := labeler.DefaultSpec()
	spec.AISystem = labeler.AISystem{Name: "Midjourney", Version: "7"}
	m := ManifestFor(spec, "out.jpg", "in.jpg")
	created := actionsFor(m, nil).Actions[0]
	if created.Action != "c2pa.created" || *created.SoftwareAgent != (generator{"Midjourney", "7"}) {
		t.Errorf("created: %+v agent %+v", created, created.SoftwareAgent)
	}
	spec.AI = labeler.Modified
	acts := actionsFor(ManifestFor(spec, "out.jpg", "in.jpg"), &hashedURI{URL: "x"}).Actions
	if len(acts) != 2 || acts[0].SoftwareAgent.Name != "Belgi" || *acts[1].SoftwareAgent != (generator{"Midjourney", "7"}) {
		t.Errorf("opened/edited agents: %+v, %+v", acts[0].SoftwareAgent, acts[1].SoftwareAgent)
	}
	spec.AISystem = labeler.AISystem{}
	if a := actionsFor(ManifestFor(spec, "o", "i"), nil).Actions[1]; a.SoftwareAgent.Name != "Belgi" {
		t.Errorf("no AI system named: agent %+v, want Belgi", a.SoftwareAgent)
	}
}

// The reference implementation reads the AI system as the agent and
// still trusts the manifest.
func TestReferenceReadsTheAISystem(t *testing.T) {
	s, root := devIdentity(t)
	spec := specFor(labeler.Generated)
	spec.AISystem = labeler.AISystem{Name: "Midjourney", Version: "7"}
	v := reference(t, signBytes(t, asset(t, "jpeg"), "jpeg", ManifestFor(spec, "a.jpg", ""), s), "jpeg", root)
	if v.State != "Trusted" || len(v.Actions) == 0 || v.Actions[0].SoftwareAgent != "Midjourney 7" {
		t.Errorf("state %s, actions %+v", v.State, v.Actions)
	}
}

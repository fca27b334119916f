package c2pa

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/belgi-kz/belgi/labeler"
)

// Examiner validates a file's Content Credentials for labeler's Check:
// the store embedded in its format, else a NAME.c2pa sidecar beside it.
// It is a labeler.Examiner; labeler/kinds hands it to the registry.
type Examiner struct {
	formats Formats
	trust   *trustCache
}

// NewExaminer reads the built-in formats and any extra ones (the
// documents kind's PDF), which are tried first.
func NewExaminer(extra ...Format) *Examiner {
	return &Examiner{formats: append(Formats(extra), BuiltIn()...), trust: &trustCache{}}
}

// Examine implements labeler.Examiner.
func (e *Examiner) Examine(ctx context.Context, spec labeler.Spec, path string, rep *labeler.Report) error {
	trust, err := e.trust.get(spec.C2PA.Trust)
	if err != nil {
		return fmt.Errorf("content credentials not checked: trust anchors: %w", err)
	}
	opt := Options{Trust: trust}
	found, err := ReadFileWith(path, e.formats, opt)
	if err != nil {
		return fmt.Errorf("content credentials unreadable: %w", err)
	}
	sidecar := ""
	if !found.Present {
		if found, sidecar, err = readSidecar(path, opt); err != nil {
			return fmt.Errorf("content credentials unreadable: %w", err)
		}
	}
	if !found.Present {
		if url := RemoteManifest(path); url != "" {
			rep.Credentials = &labeler.Credentials{State: labeler.StateInvalid, Failures: []string{"manifest.inaccessible"}, Remote: url}
		}
		return ctx.Err()
	}
	found.Report(rep)
	rep.Credentials = credentialsOf(found.Validation)
	rep.Credentials.Sidecar = sidecar
	vouch(rep, found.Validation)
	return ctx.Err()
}

// readSidecar validates NAME.c2pa beside path, bound to path's bytes.
func readSidecar(path string, opt Options) (Found, string, error) {
	sc := sidecarPath(path)
	store, err := os.ReadFile(sc)
	if err != nil || sc == path {
		return Found{}, "", nil
	}
	f, err := os.Open(path)
	if err != nil {
		return Found{}, "", err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return Found{}, "", err
	}
	found, err := readStore(f, st.Size(), store, opt)
	if err != nil {
		return Found{}, "", fmt.Errorf("sidecar %s: %w", sc, err)
	}
	return found, sc, nil
}

// vouch accepts Belgi's own manifest as proof of the perceivable label:
// Belgi signs an output only after labeling it, so a manifest Belgi made
// whose signature validates and whose hard binding matches these exact
// bytes shows the label is in them, however they are encoded.
func vouch(rep *labeler.Report, v Validation) {
	if !rep.Labeled || len(v.Manifests) == 0 || !isBelgi(v.Manifests[0].Generator) {
		return
	}
	if v.BindingMatched && v.Results.has("claimSignature.validated") {
		rep.Perceivable = labeler.PerceivableSigned
	}
	if !slices.Contains(rep.Layers, labeler.LayerC2PA) {
		rep.Layers = append(rep.Layers, labeler.LayerC2PA)
	}
}

// isBelgi reports whether a claim generator ("name version") is Belgi.
func isBelgi(generator string) bool {
	name, _, _ := strings.Cut(generator, " ")
	tool, _, _ := strings.Cut(labeler.Tool, " ")
	return strings.EqualFold(name, tool)
}

// credentialsOf turns a validation into the report's terms.
func credentialsOf(v Validation) *labeler.Credentials {
	c := &labeler.Credentials{State: v.State, Failures: v.Failures()}
	for _, m := range v.Manifests {
		lm := labeler.Manifest{
			Label: m.Label, Depth: m.Depth, Relationship: m.Relationship, Title: m.Title,
			Signer: m.Signer, Issuer: m.Issuer, Time: m.Time, TimeTrusted: m.TimeTrusted, Generator: m.Generator,
			Success: codesOf(m.Results.Success), Informational: codesOf(m.Results.Informational), Failure: codesOf(m.Results.Failure),
		}
		for _, a := range m.Actions {
			lm.Actions = append(lm.Actions, labeler.Action{Action: a.Action, DigitalSourceType: a.DigitalSourceType, Agent: a.Agent})
		}
		c.Manifests = append(c.Manifests, lm)
	}
	c.ByBelgi = len(v.Manifests) > 0 && isBelgi(v.Manifests[0].Generator)
	return c
}

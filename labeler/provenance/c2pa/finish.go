package c2pa

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/belgi-kz/belgi/labeler"
)

// Finisher signs every kind's finished output with Content Credentials,
// by the output's format: the one place Belgi signs. It is a
// labeler.Finisher; labeler/kinds hands it to the registry, so the core
// does not import C2PA and the kinds do not call it.
type Finisher struct {
	formats Formats
	ids     *identities
	trust   *trustCache
}

// NewFinisher signs the built-in formats and any extra ones (the
// documents kind's PDF), which are tried first.
func NewFinisher(extra ...Format) *Finisher {
	return &Finisher{formats: append(Formats(extra), BuiltIn()...), ids: &identities{}, trust: &trustCache{}}
}

// Formats lists the formats the finisher signs.
func (f *Finisher) Formats() Formats { return f.formats }

// ErrUnsupported is wrapped by containers for files of a known format
// laid out in a way Belgi does not sign (fragmented MP4, RF64, multi-page
// TIFF): the file is labeled without Content Credentials and says why.
var ErrUnsupported = errors.New("not signed")

// Finish implements labeler.Finisher.
func (f *Finisher) Finish(ctx context.Context, job labeler.Job, out labeler.Outcome) (labeler.Outcome, error) {
	trust, err := f.trust.get(job.Spec.C2PA.Trust)
	if err != nil {
		return out, fmt.Errorf("c2pa: trust anchors: %w", err)
	}
	parent, srcFormat, perr := ReadParent(job.Input, f.formats, Options{Trust: trust})
	if perr != nil {
		out.Notes = append(out.Notes, "the source's Content Credentials could not be read and are not carried over: "+perr.Error())
	}
	keep := func(why string) labeler.Outcome {
		if parent != nil {
			out.Notes = append(out.Notes, "the source's Content Credentials ("+parent.describe()+") were not carried over: "+why)
		}
		return out
	}
	if job.Spec.C2PA.Off {
		return keep("C2PA signing is off"), nil
	}
	format, ok := f.formatOf(job.Temp)
	if !ok && !job.Spec.C2PA.Sidecar {
		return keep(strings.TrimPrefix(filepath.Ext(job.Output), ".") + " files cannot carry them; switch on the C2PA sidecar to keep them beside the file"), nil
	}
	s, err := f.ids.get(job.Spec.C2PA)
	if err != nil && job.Spec.C2PA.UsesDevIdentity() {
		out.Notes = append(out.Notes, "Content Credentials left out: "+err.Error())
		return keep("no signing identity"), nil
	}
	if err != nil {
		return out, err
	}
	m := ManifestFor(job.Spec, filepath.Base(job.Output), filepath.Base(job.Input))
	m.Parent, m.SourceFormat, m.Format = parent, srcFormat.MIME, format.MIME
	if !ok {
		return f.sidecar(ctx, job, out, m, s)
	}
	label, err := f.sign(ctx, job.Temp, format, m, s)
	if errors.Is(err, ErrUnsupported) {
		out.Notes = append(out.Notes, "Content Credentials left out: "+err.Error())
		return keep(err.Error()), nil
	} else if err != nil {
		return out, err
	}
	out.C2PAManifest = label
	return f.signed(out, job.Spec.C2PA, parent), nil
}

// sign signs path and reads it back: the manifest must be there, its
// signature valid and its hard binding matching the bytes as written.
// It returns the label of the manifest read back.
func (f *Finisher) sign(ctx context.Context, path string, format Format, m Manifest, s Signer) (string, error) {
	if err := SignFile(ctx, path, format, m, s); err != nil {
		return "", err
	}
	found, err := ReadFile(path, Formats{format})
	if err != nil {
		return "", fmt.Errorf("c2pa: reading the signed copy back: %w", err)
	}
	if !found.Present || !found.HashMatches || !found.Results.Valid() {
		return "", fmt.Errorf("c2pa: the signed copy does not validate: %v", found.Results.Failure)
	}
	return found.Label, nil
}

// signed records the layer and says what a reader should know.
func (f *Finisher) signed(out labeler.Outcome, spec labeler.C2PASpec, parent *Parent) labeler.Outcome {
	out.Layers = append(out.Layers, labeler.LayerC2PA)
	if parent != nil {
		out.Notes = append(out.Notes, "the source's Content Credentials ("+parent.describe()+") are kept as the parent ingredient")
	}
	if spec.UsesDevIdentity() {
		out.Notes = append(out.Notes, "C2PA signed with Belgi's development identity: sign with your newsroom's certificate (-c2pa-pkcs12, or -c2pa-key and -c2pa-chain) before publishing")
	}
	return out
}

// formatOf sniffs the file a kind wrote.
func (f *Finisher) formatOf(path string) (Format, bool) {
	head, err := labeler.ReadHead(path)
	if err != nil {
		return Format{}, false
	}
	return f.formats.Find(head)
}

// describe names a parent for notes: who signed it and whether it held.
func (p *Parent) describe() string {
	who := p.Signer
	if who == "" {
		who = "signer unknown"
	}
	if p.Results.Valid() {
		return "signed by " + who + ", valid"
	}
	return fmt.Sprintf("signed by %s, already invalid: %s", who, strings.Join(codesOf(p.Results.Failure), ", "))
}

func codesOf(ss []Status) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.Code
	}
	return out
}

// sidecarPath is where a sidecar manifest goes: the output's name with
// the extension .c2pa, the convention C2PA readers look for.
func sidecarPath(output string) string {
	return strings.TrimSuffix(output, filepath.Ext(output)) + ".c2pa"
}

// unlinkQuiet removes a temporary file, ignoring a missing one.
func unlinkQuiet(p string) { _ = os.Remove(p) }

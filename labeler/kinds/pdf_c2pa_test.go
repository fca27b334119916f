package kinds

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/internal/samples"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/provenance/c2pa/c2patest"
)

// labelPDF runs the app's registry over a PDF.
func labelPDF(t *testing.T, data []byte) labeler.Result {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	spec := labeler.DefaultSpec()
	spec.Out.Dir, spec.Out.Relabel = filepath.Join(dir, "out"), true
	res := Default().Process(context.Background(), spec, labeler.Input{Path: in}, nil)
	if res.Status != labeler.StatusOK {
		t.Fatalf("%s %v", res.Status, res.Err)
	}
	return res
}

// TestPDFContentCredentials: a labeled PDF carries a manifest store as
// an embedded file associated with the document, in an update after the
// notice's; the reference implementation trusts it (given the
// development root) and reads the digital source type; a one-byte change
// outside the store breaks the data hash; labeling it again is refused.
func TestPDFContentCredentials(t *testing.T) {
	res := labelPDF(t, samples.PDF([]string{"Page 1 of the story"}, ""))
	if !slices.Contains(res.Layers, labeler.LayerC2PA) {
		t.Fatalf("layers %v, notes %v", res.Layers, res.Notes)
	}
	v := c2patest.Reference(t, res.Output, devRoot(t))
	if v.State != "Trusted" || v.DST() != labeler.DefaultSpec().DigitalSourceType() || !slices.Contains(v.Success, "assertion.dataHash.match") {
		t.Fatalf("reference: %s %v %v, dst %q", v.State, v.Failures, v.Success, v.DST())
	}
	if res.Check == nil || !slices.Contains(res.Check.Layers, labeler.LayerC2PA) {
		t.Errorf("check does not see the C2PA layer: %+v", res.Check)
	}
	data, err := os.ReadFile(res.Output)
	if err != nil {
		t.Fatal(err)
	}
	tampered := []byte(strings.Replace(string(data), "/ProcSet", "/ProcSeT", 1))
	if string(tampered) == string(data) {
		tampered = append([]byte(nil), data...)
		tampered[20] ^= 1
	}
	if tv := c2patest.ReferenceBytes(t, tampered, "pdf", devRoot(t)); !slices.Contains(tv.Failures, "assertion.dataHash.mismatch") {
		t.Errorf("a changed byte is not reported: %s %v", tv.State, tv.Failures)
	}
	// Labeling the labeled copy again is refused, even with relabel on:
	// its band would stack under the first. A source's manifest becoming
	// the parent ingredient is TestSignedPDFKeepsItsManifest's subject.
	again := filepath.Join(t.TempDir(), "again.pdf")
	if err := os.WriteFile(again, data, 0o644); err != nil {
		t.Fatal(err)
	}
	spec := labeler.DefaultSpec()
	spec.Out.Relabel = true
	if r := Default().Process(context.Background(), spec, labeler.Input{Path: again}, nil); r.Status != labeler.StatusError || !strings.Contains(r.Err.Error(), "already labeled by Belgi") {
		t.Errorf("relabeling: %s %v, want a refusal", r.Status, r.Err)
	}
}

// TestSignedPDFKeepsItsManifest: a PDF signed by Adobe's tools keeps its
// manifest as the parent ingredient of Belgi's, and both validate. Adobe's
// certificate is not among the test's trust anchors, but Belgi records
// that in the ingredient's validation results, so the reference finds no
// new delta and calls the whole Trusted (Valid if it were not recorded).
func TestSignedPDFKeepsItsManifest(t *testing.T) {
	src := filepath.Join("..", "..", "..", "shared", "realworld", "c2pa", "c2pa-public-testfiles_adobe-20240110-single_manifest_store.pdf")
	data, err := os.ReadFile(src)
	if err != nil {
		t.Skip("../shared/realworld is not here: the signed real-world PDF is not checked")
	}
	res := labelPDF(t, data)
	if !strings.Contains(strings.Join(res.Notes, "\n"), "kept as the parent ingredient") {
		t.Errorf("notes %v", res.Notes)
	}
	v := c2patest.Reference(t, res.Output, devRoot(t))
	ok := (v.State == "Trusted" || v.State == "Valid") && len(v.Failures) == 0 && slices.Contains(v.Success, "signingCredential.trusted")
	if !ok || len(v.Ingredients) == 0 || v.Ingredients[0].Relationship != "parentOf" || v.Ingredients[0].Format != "application/pdf" ||
		!slices.Contains(v.Ingredients[0].Validation, "assertion.dataHash.match") {
		t.Errorf("reference: %s %v, ingredients %+v", v.State, v.Failures, v.Ingredients)
	}
}

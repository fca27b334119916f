package c2pa

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/labeler"
)

// realworld is the shared corpus of files signed by other tools.
const realworld = "../../../../shared/realworld/c2pa/"

// finishJob runs the finisher as the registry would after a kind wrote
// out (bytes of format ext) for the source at src, signing with a fresh
// development identity named by the spec (not the user's).
func finishJob(t *testing.T, src, ext string, out []byte) (string, labeler.Outcome, string) {
	t.Helper()
	dir := t.TempDir()
	if _, err := DevSigner(dir); err != nil {
		t.Fatal(err)
	}
	spec := labeler.DefaultSpec()
	spec.AI = labeler.Modified
	spec.C2PA.Key, spec.C2PA.Chain = filepath.Join(dir, DevKeyFile), filepath.Join(dir, DevChainFile)
	tmp := filepath.Join(dir, "out."+ext)
	if err := os.WriteFile(tmp, out, 0o644); err != nil {
		t.Fatal(err)
	}
	job := labeler.Job{Input: src, Output: tmp, Temp: tmp, Spec: spec, Progress: func(float64) {}}
	res, err := NewFinisher().Finish(context.Background(), job, labeler.Outcome{})
	if err != nil {
		t.Fatal(err)
	}
	return tmp, res, filepath.Join(dir, DevRootFile)
}

// TestRealWorldParents: a source signed by another tool (Amazon Titan,
// c2pa-rs, c2pa-python, a Truepic camera) keeps its manifests in Belgi's
// store and its active manifest becomes the parentOf ingredient, which
// the reference implementation reads and whose validation Belgi records.
func TestRealWorldParents(t *testing.T) {
	cases := []struct {
		src, ext string
		// bound: Belgi can re-check the parent's hard binding.
		bound bool
	}{
		{"c2pa-ts_amazon-titan-g1.png", "png", true},
		{"c2pa-rs_dashinit.mp4", "mp4", false}, // fragmented: Merkle-free init segment hash not checked
		{"c2pa-python_sample1_signed.wav", "wav", true},
		{"c2pa-public-testfiles_truepic-20230212-camera.jpg", "jpeg", true},
		{"c2pa-rs_CACA.jpg", "jpeg", true},
	}
	for _, c := range cases {
		t.Run(c.src, func(t *testing.T) {
			src := realworld + c.src
			if _, err := os.Stat(src); err != nil {
				t.Skip("corpus file missing: ", err)
			}
			parent, _, err := ReadParent(src, BuiltIn(), Options{})
			if err != nil || parent == nil {
				t.Fatalf("parent %v, %v", parent, err)
			}
			codes := parent.Results.Codes()
			if !slices.Contains(codes, "claimSignature.validated") {
				t.Errorf("parent validation %v", codes)
			}
			if c.bound && !slices.Contains(codes, "assertion.dataHash.match") && !slices.Contains(codes, "assertion.bmffHash.match") {
				t.Errorf("parent's hard binding not matched: %v", codes)
			}
			path, out, root := finishJob(t, src, c.ext, asset(t, c.ext))
			if !slices.Contains(out.Layers, labeler.LayerC2PA) || !strings.Contains(strings.Join(out.Notes, "\n"), "kept as the parent ingredient") {
				t.Errorf("outcome %+v", out)
			}
			compareWithReference(t, path, root) // Belgi's validator reaches the same verdict
			v := c2patestReference(t, path, root)
			// Belgi's manifest is trusted; the parent's signer is not under
			// the test's anchors, which the reference reports as a delta
			// and so calls the whole Valid rather than Trusted.
			untrustedParent := len(v.Deltas) == 0 || slices.Equal(v.Deltas, []string{"signingCredential.untrusted"})
			if v.State == "Invalid" || len(v.Failures) > 0 || !untrustedParent {
				t.Errorf("reference: %s %v, deltas %v", v.State, v.Failures, v.Deltas)
			}
			if len(v.Ingredients) != 1 || v.Ingredients[0].Relationship != "parentOf" || v.Ingredients[0].ActiveManifest == "" ||
				!slices.Contains(v.Ingredients[0].Validation, "claimSignature.validated") {
				t.Errorf("reference ingredients %+v", v.Ingredients)
			}
			if v.Manifests < 2 {
				t.Errorf("reference sees %d manifests, want the parent's too", v.Manifests)
			}
			if b, _ := os.ReadFile(path); bytes.Contains(b, []byte("c2pa.thumbnail.claim")) && !bytes.Contains(b, []byte("c2pa.redacted")) {
				t.Error("a parent's thumbnail is carried unredacted")
			}
		})
	}
}

// TestCredentialsNotCarriedSaySo: when Belgi cannot carry a source's
// Content Credentials (C2PA off here), the outcome says so plainly.
func TestCredentialsNotCarriedSaySo(t *testing.T) {
	src := realworld + "c2pa-ts_amazon-titan-g1.png"
	if _, err := os.Stat(src); err != nil {
		t.Skip("corpus file missing: ", err)
	}
	spec := labeler.DefaultSpec()
	spec.C2PA.Off = true
	tmp := filepath.Join(t.TempDir(), "out.png")
	if err := os.WriteFile(tmp, asset(t, "png"), 0o644); err != nil {
		t.Fatal(err)
	}
	job := labeler.Job{Input: src, Output: tmp, Temp: tmp, Spec: spec, Progress: func(float64) {}}
	out, err := NewFinisher().Finish(context.Background(), job, labeler.Outcome{})
	if err != nil || slices.Contains(out.Layers, labeler.LayerC2PA) || !strings.Contains(strings.Join(out.Notes, "\n"), "were not carried over: C2PA signing is off") {
		t.Errorf("outcome %+v, %v", out, err)
	}
}

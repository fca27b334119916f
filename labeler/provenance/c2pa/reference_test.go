package c2pa

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"

	"github.com/belgi-kz/belgi/labeler"
)

// verdict is verify/verify.mjs's summary of the reference implementation.
type verdict struct {
	State    string   `json:"state"`
	Failures []string `json:"failures"`
	Success  []string `json:"success"`
	Actions  []struct {
		Action            string `json:"action"`
		DigitalSourceType string `json:"digitalSourceType"`
	} `json:"actions"`
	Ingredients []struct {
		Title          string   `json:"title"`
		Relationship   string   `json:"relationship"`
		Format         string   `json:"format"`
		ActiveManifest string   `json:"activeManifest"`
		Validation     []string `json:"validation"`
	} `json:"ingredients"`
	Deltas    []string `json:"deltas"`
	Manifests int      `json:"manifests"`
	Timestamp string   `json:"timestamp"`
}

// reference runs the reference C2PA implementation over data. Only a
// missing node skips: a missing verifier install is a failure, since
// `make test` installs it (make c2pa-verifier).
func reference(t *testing.T, data []byte, format, anchors string) verdict {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not installed; the reference C2PA check needs Node 20")
	}
	if _, err := os.Stat("verify/node_modules/@contentauth/c2pa-wasm"); err != nil {
		t.Fatal("reference verifier not installed: run `make c2pa-verifier`")
	}
	ext := map[string]string{"jpeg": "jpg", "tiff": "tif"}[format]
	if ext == "" {
		ext = format
	}
	file := filepath.Join(t.TempDir(), "asset."+ext)
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"verify.mjs", file}
	if anchors != "" {
		args = append(args, anchors)
	}
	cmd := exec.Command(node, args...)
	cmd.Dir = "verify"
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("verify.mjs: %v\n%s", err, stderrOf(err))
	}
	var v verdict
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatalf("verify.mjs output: %v\n%s", err, out)
	}
	t.Logf("%s: %s, failures %v, success %v", filepath.Base(file), v.State, v.Failures, v.Success)
	return v
}

func stderrOf(err error) []byte {
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.Stderr
	}
	return nil
}

// dst is the digitalSourceType the reference implementation read.
func (v verdict) dst() string {
	for _, a := range v.Actions {
		if a.DigitalSourceType != "" {
			return a.DigitalSourceType
		}
	}
	return ""
}

func TestReferenceImplementationTrustsOutput(t *testing.T) {
	s, root := devIdentity(t)
	for _, c := range embedCases() {
		t.Run(c.name, func(t *testing.T) {
			v := reference(t, c.build(t, s), c.format, root)
			if v.State != "Trusted" || len(v.Failures) > 0 {
				t.Errorf("state %s, failures %v", v.State, v.Failures)
			}
			if want := specFor(c.ai).DigitalSourceType(); v.dst() != want {
				t.Errorf("reference read digitalSourceType %q, want %q", v.dst(), want)
			}
			if len(v.Ingredients) != c.wantIngr || (c.wantIngr > 0 && v.Ingredients[0].Relationship != "parentOf") {
				t.Errorf("ingredients %+v, want %d parentOf", v.Ingredients, c.wantIngr)
			}
		})
	}
}

// TestReferenceImplementationWithoutTrustAnchor: the development identity
// is valid but, rightly, not trusted by a validator that was not told to.
func TestReferenceImplementationWithoutTrustAnchor(t *testing.T) {
	s, _ := devIdentity(t)
	v := reference(t, embedCases()[0].build(t, s), "jpeg", "")
	if v.State != "Valid" || !slices.Equal(v.Failures, []string{"signingCredential.untrusted"}) {
		t.Errorf("state %s, failures %v; want Valid, only signingCredential.untrusted", v.State, v.Failures)
	}
}

func TestReferenceImplementationSeesTampering(t *testing.T) {
	s, root := devIdentity(t)
	for _, format := range formats {
		t.Run(format, func(t *testing.T) {
			out := signBytes(t, asset(t, format), format, ManifestFor(specFor(labeler.Generated), "a", ""), s)
			out[mediaByte(t, format, out)] ^= 0x01
			v := reference(t, out, format, root)
			if v.State != "Invalid" || !(slices.Contains(v.Failures, "assertion.dataHash.mismatch") || slices.Contains(v.Failures, "assertion.bmffHash.mismatch")) {
				t.Errorf("tampered file: state %s, failures %v", v.State, v.Failures)
			}
		})
	}
}

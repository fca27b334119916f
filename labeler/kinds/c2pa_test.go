package kinds

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/internal/samples"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/kindtest"
	"github.com/belgi-kz/belgi/labeler/provenance/c2pa"
	"github.com/belgi-kz/belgi/labeler/provenance/c2pa/c2patest"
	"golang.org/x/image/tiff"
)

// TestMain keeps the development C2PA identity out of the user's home.
func TestMain(m *testing.M) { kindtest.Main(m) }

// source makes an input of a format (its extension).
func source(t *testing.T, ext string) []byte {
	t.Helper()
	img := samples.Scene(160, 120, 7)
	switch ext {
	case "jpg":
		return samples.JPEG(img, 90, 1)
	case "png":
		return samples.PNG(img)
	case "gif":
		return samples.AnimatedGIF(64, 48, 3, 10)
	case "tif":
		var b bytes.Buffer
		if err := tiff.Encode(&b, img, nil); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	case "txt":
		return []byte("Жасанды интеллект туралы мақала.\n")
	}
	return c2patest.Media(t, ext)
}

// label runs the registry the app uses over one source file.
func label(t *testing.T, ext string, spec labeler.Spec) labeler.Result {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, "in."+ext)
	if err := os.WriteFile(in, source(t, ext), 0o644); err != nil {
		t.Fatal(err)
	}
	spec.Out.Dir = filepath.Join(dir, "out")
	res := Default().Process(context.Background(), spec, labeler.Input{Path: in}, nil)
	if res.Status != labeler.StatusOK {
		t.Fatalf("%s: %s %v", ext, res.Status, res.Err)
	}
	return res
}

func devRoot(t *testing.T) string {
	dir, err := c2pa.DevDir()
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, c2pa.DevRootFile)
}

// TestEveryKindSigns: whatever kind labels a file, the output carries
// Content Credentials the reference implementation trusts (given the
// development root), with the spec's digital source type.
func TestEveryKindSigns(t *testing.T) {
	for _, ext := range []string{"jpg", "png", "gif", "tif", "wav", "mp3", "flac", "m4a", "mp4", "mov"} {
		t.Run(ext, func(t *testing.T) {
			res := label(t, ext, labeler.DefaultSpec())
			if !slices.Contains(res.Layers, labeler.LayerC2PA) {
				t.Fatalf("layers %v, notes %v", res.Layers, res.Notes)
			}
			v := c2patest.Reference(t, res.Output, devRoot(t))
			if v.State != "Trusted" || v.DST() != labeler.DefaultSpec().DigitalSourceType() {
				t.Errorf("reference: %s %v, dst %q", v.State, v.Failures, v.DST())
			}
		})
	}
}

// TestSidecarForText: a text output cannot carry a manifest; with the
// sidecar switched on it gets NAME.c2pa beside it, otherwise nothing.
func TestSidecarForText(t *testing.T) {
	res := label(t, "txt", labeler.DefaultSpec())
	if slices.Contains(res.Layers, labeler.LayerC2PA) {
		t.Errorf("sidecar written though off: %v", res.Layers)
	}
	spec := labeler.DefaultSpec()
	spec.C2PA.Sidecar = true
	res = label(t, "txt", spec)
	side := strings.TrimSuffix(res.Output, ".txt") + ".c2pa"
	if _, err := os.Stat(side); err != nil || !slices.Contains(res.Layers, labeler.LayerC2PA) {
		t.Fatalf("sidecar %v, layers %v", err, res.Layers)
	}
	checkSidecar(t, res.Output, side)
}

// checkSidecar: the reference implementation validates the sidecar's
// manifest (signature, credential trusted through the test root, hashed
// URIs). c2pa-wasm 0.15 cannot pair a sidecar with its asset, so it
// hashes the sidecar itself and reports the data hash as not matching;
// Belgi's own validator pairs them, and calls the whole Trusted.
func checkSidecar(t *testing.T, output, side string) {
	t.Helper()
	v := c2patest.Reference(t, side, devRoot(t))
	if !slices.Contains(v.Success, "claimSignature.validated") || !slices.Contains(v.Success, "signingCredential.trusted") ||
		slices.ContainsFunc(v.Failures, func(c string) bool { return c != "assertion.dataHash.mismatch" }) {
		t.Errorf("reference on the sidecar: %s %v %v", v.State, v.Failures, v.Success)
	}
	spec := labeler.DefaultSpec()
	spec.C2PA.Trust = devRoot(t)
	rep, err := Default().Check(context.Background(), spec, output)
	if err != nil || rep.Credentials == nil || rep.Credentials.State != labeler.StateTrusted || rep.Credentials.Sidecar != side {
		t.Errorf("check: %+v, %v", rep.Credentials, err)
	}
}

// TestNoHomeLabelsWithoutC2PA: with no config folder for the development
// identity, files are still labeled, and the result says why C2PA is
// missing instead of failing.
func TestNoHomeLabelsWithoutC2PA(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", "")
	t.Setenv("HOME", "")
	res := label(t, "png", labeler.DefaultSpec())
	if slices.Contains(res.Layers, labeler.LayerC2PA) || !strings.Contains(strings.Join(res.Notes, "\n"), "Content Credentials left out") {
		t.Errorf("layers %v, notes %v", res.Layers, res.Notes)
	}
}

package image

import (
	"context"
	"os"
	"slices"
	"testing"

	"github.com/belgi-kz/belgi/internal/samples"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/kindtest"
)

// TestMain keeps the development C2PA identity out of the user's home.
func TestMain(m *testing.M) { kindtest.Main(m) }

// TestC2PASignedAndChecked: JPEG and PNG outputs carry a C2PA manifest
// that check finds; a changed byte afterwards is reported.
func TestC2PASignedAndChecked(t *testing.T) {
	img := scene(120, 90)
	for name, data := range map[string][]byte{"c.jpg": samples.JPEG(img, 90, 1), "c.png": samples.PNG(img)} {
		t.Run(name, func(t *testing.T) {
			out := labelBytes(t, name, data, labeler.DefaultSpec())
			rep, err := New().Inspect(context.Background(), out)
			if err != nil || !slices.Contains(rep.Provenance, "c2pa") || !slices.Contains(rep.Provenance, "iptc-xmp") {
				t.Fatalf("provenance %v, %v", rep.Provenance, err)
			}
			b, _ := os.ReadFile(out)
			b[len(b)-40] ^= 0x55 // inside the pixel data, before the trailer
			os.WriteFile(out, b, 0o644)
			rep, _ = New().Inspect(context.Background(), out)
			if len(rep.Warnings) == 0 {
				t.Errorf("tampered %s raised no warning: %+v", name, rep)
			}
		})
	}
	spec := labeler.DefaultSpec()
	spec.C2PA.Off = true
	out := labelBytes(t, "off.jpg", samples.JPEG(img, 90, 1), spec)
	if rep, _ := New().Inspect(context.Background(), out); slices.Contains(rep.Provenance, "c2pa") {
		t.Error("C2PA written although switched off")
	}
}

package image

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/belgi-kz/belgi/internal/jpegcoef"
	"github.com/belgi-kz/belgi/internal/samples"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/provenance"
)

func TestCheckJPEGStructure(t *testing.T) {
	good := samples.JPEG(scene(64, 48), 90, 1)
	if err := checkJPEGStructure(good); err != nil {
		t.Fatalf("valid JPEG refused: %v", err)
	}
	cut := good[:len(good)-200]
	if checkJPEGStructure(cut) == nil {
		t.Error("truncated JPEG accepted")
	}
	bad := append([]byte{}, good...)
	bad[len(bad)-100], bad[len(bad)-99] = 0xFF, 0xC4
	if checkJPEGStructure(bad) == nil {
		t.Error("stray marker inside the scan accepted")
	}
}

// TestReadBackRefusesDamagedSplice: a JPEG labeled in the coefficient
// domain is proven whole by the splicer's Verify, not by decoding it
// all; a copied bit flipped or the scan cut short is refused all the
// same.
func TestReadBackRefusesDamagedSplice(t *testing.T) {
	in := filepath.Join(t.TempDir(), "in.jpg")
	if err := os.WriteFile(in, samples.JPEG(scene(320, 240), 90, 1), 0o644); err != nil {
		t.Fatal(err)
	}
	src, err := load(in, 0)
	if err != nil {
		t.Fatal(err)
	}
	mark := provenance.MarkFor(labeler.DefaultSpec(), []string{labeler.LayerVisible})
	xmp := func(existing []byte) ([]byte, error) { return provenance.Packet(existing, mark) }
	out, _, _, err := labelJPEG(src, labeler.DefaultSpec(), xmp)
	if err != nil || src.verify == nil {
		t.Fatalf("the coefficient path did not label it: %v", err)
	}
	if err := readBack(out, src); err != nil {
		t.Fatalf("clean output refused: %v", err)
	}
	f, err := jpegcoef.Parse(out)
	if err != nil {
		t.Fatal(err)
	}
	s := f.Scans[0]
	flipped := bytes.Clone(out)
	flipped[s.Start+(s.End-s.Start)/5] ^= 0x10 // far from the label, bottom right
	cut := append(bytes.Clone(out[:s.Start+(s.End-s.Start)/2]), 0xFF, 0xD9)
	for name, bad := range map[string][]byte{"flipped bit": flipped, "scan cut short": cut} {
		if readBack(bad, src) == nil {
			t.Errorf("%s: the read-back accepts it", name)
		}
	}
}

package image

import (
	"testing"

	"github.com/belgi-kz/belgi/internal/samples"
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

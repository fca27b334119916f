package image

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/internal/meta"
	"github.com/belgi-kz/belgi/internal/samples"
)

// TestDNLJPEGLabeled reduces md-extractor-images_beach.jpg: a JPEG whose
// frame header says height 0 and whose DNL segment says 200. It was
// refused as "an empty 200×0 picture"; now it is labeled, and the output
// states its height where libjpeg reads it.
func TestDNLJPEGLabeled(t *testing.T) {
	jpg := samples.JPEG(scene(64, 48), 90, 0)
	f, err := meta.WalkJPEG(jpg)
	if err != nil {
		t.Fatal(err)
	}
	dnl := bytes.Clone(jpg[:f.EOI])
	for _, m := range f.Marks {
		if m.Marker == 0xC0 {
			dnl[m.Off+5], dnl[m.Off+6] = 0, 0
		}
	}
	dnl = append(dnl, 0xFF, 0xDC, 0, 4, 0, 48, 0xFF, 0xD9)
	res := labelResult(t, "beach.jpg", dnl)
	if !strings.Contains(strings.Join(res.Notes, ";"), "DNL") {
		t.Errorf("notes %v do not mention the DNL marker", res.Notes)
	}
	out, _ := os.ReadFile(res.Output)
	cfg, err := decodeConfig(fmtJPEG, out)
	if err != nil || cfg.Width != 64 || cfg.Height != 48 {
		t.Errorf("output header %dx%d, %v", cfg.Width, cfg.Height, err)
	}
	if _, err := exec.LookPath("djpeg"); err == nil {
		if msg, err := exec.Command("djpeg", "-outfile", os.DevNull, res.Output).CombinedOutput(); err != nil || len(msg) > 0 {
			t.Errorf("djpeg: %v %s", err, msg)
		}
	}
}

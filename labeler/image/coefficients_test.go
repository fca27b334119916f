package image

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/internal/jpegtest"
	"github.com/belgi-kz/belgi/labeler"
)

// labelJPEGBytes writes data to a file and labels it with the default spec.
func labelJPEGBytes(t *testing.T, data []byte) (labeler.Outcome, error) {
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in.jpg"), filepath.Join(dir, "out.jpg")
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	spec := labeler.DefaultSpec()
	spec.C2PA.Off = true
	return New().Label(context.Background(), labeler.Job{Input: in, Output: out, Temp: out, Spec: spec, Progress: func(float64) {}})
}

// TestJPEGFallback: a JPEG the coefficient path refuses but the full
// decoder reads (here a Huffman table using an all-ones code, which
// libjpeg rejects and image/jpeg accepts) is labeled by a full re-encode,
// and the notes say so and why.
func TestJPEGFallback(t *testing.T) {
	data := jpegtest.Std(64, 48, 90, false)(t)
	// The first DHT is the DC luma table: one more 9-bit code takes the
	// all-ones code 111111111.
	at := bytes.Index(data, []byte{0xFF, 0xC4})
	n := int(data[at+2])<<8 | int(data[at+3])
	table := data[at+4 : at+2+n]
	if table[0] != 0x00 || table[9] != 1 || table[17] != 0 {
		t.Fatalf("unexpected first DHT %x", table[:20])
	}
	patched := bytes.Clone(data[:at+4])
	patched[at+3]++
	body := bytes.Clone(table)
	body[9]++
	body = append(body[:17+12], append([]byte{12}, body[17+12:]...)...)
	patched = append(append(patched, body...), data[at+2+n:]...)
	o, err := labelJPEGBytes(t, patched)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Join(o.Notes, "; "); !strings.Contains(n, "re-encoded in full") || !strings.Contains(n, "DHT") {
		t.Errorf("notes %q do not say the picture was re-encoded, and why", n)
	}
}

// TestJPEGVariantsRefused: arithmetic-coded JPEGs, which neither path
// decodes, are refused naming the variant.
func TestJPEGVariantsRefused(t *testing.T) {
	for _, fx := range jpegtest.Unsupported {
		data := fx.Make(t)
		if data == nil {
			t.Skip("cjpeg not installed (Debian: libjpeg-turbo-progs)")
		}
		if _, err := labelJPEGBytes(t, data); err == nil || !strings.Contains(err.Error(), "arithmetic coding") {
			t.Errorf("%s: %v, want a refusal naming arithmetic coding", fx.Name, err)
		}
	}
}

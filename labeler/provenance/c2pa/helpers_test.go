package c2pa

import (
	"bytes"
	"image"
	"image/jpeg"
	"image/png"
	"path/filepath"
	"testing"

	"github.com/belgi-kz/belgi/internal/meta"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/provenance"
)

// picture is a gradient, so that a flipped byte changes real pixels.
func picture() *image.RGBA {
	m := image.NewRGBA(image.Rect(0, 0, 96, 64))
	for i := range m.Pix {
		m.Pix[i] = byte(i * 7)
	}
	return m
}

// labeled mimics the image kind's flow up to the XMP splice: encode, then
// meta.WriteJPEG / meta.SplicePNG with Belgi's packet. format is "jpeg" or
// "png".
func labeled(t testing.TB, format string, spec labeler.Spec) []byte {
	t.Helper()
	xmp, err := provenance.Packet(nil, provenance.MarkFor(spec, []string{"visible", "xmp", "c2pa"}))
	if err != nil {
		t.Fatal(err)
	}
	var enc, out bytes.Buffer
	if format == "jpeg" {
		if err := jpeg.Encode(&enc, picture(), &jpeg.Options{Quality: 90}); err != nil {
			t.Fatal(err)
		}
		_, err = meta.WriteJPEG(&out, nil, xmp, enc.Bytes())
	} else {
		if err := png.Encode(&enc, picture()); err != nil {
			t.Fatal(err)
		}
		_, err = meta.SplicePNG(&out, enc.Bytes(), nil, xmp)
	}
	if err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// embedFor calls the Embed function for format.
func embedFor(format string, data []byte, m Manifest, s Signer) ([]byte, error) {
	if format == "jpeg" {
		return EmbedJPEG(data, m, s)
	}
	return EmbedPNG(data, m, s)
}

// devIdentity makes a fresh development identity in a temp dir and
// returns the signer and the path of its root certificate.
func devIdentity(t testing.TB) (Signer, string) {
	t.Helper()
	dir := t.TempDir()
	s, err := DevSigner(dir)
	if err != nil {
		t.Fatal(err)
	}
	return s, filepath.Join(dir, DevRootFile)
}

func specFor(ai labeler.Involvement) labeler.Spec {
	s := labeler.DefaultSpec()
	s.AI = ai
	return s
}

// firstPixelByte is an offset inside the entropy-coded data (JPEG) or the
// first IDAT (PNG), past every header, for tampering.
func firstPixelByte(t testing.TB, data []byte) int {
	t.Helper()
	for _, marker := range [][]byte{{0xFF, 0xDA}, []byte("IDAT")} {
		if i := bytes.LastIndex(data, marker); i > 0 {
			return i + 20
		}
	}
	t.Fatal("no image data found")
	return 0
}

package c2pa

import (
	"bytes"
	"context"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/belgi-kz/belgi/internal/meta"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/provenance"
	"github.com/belgi-kz/belgi/labeler/provenance/c2pa/c2patest"
	"github.com/gen2brain/webp"
	"golang.org/x/image/tiff"
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
	switch format {
	case "jpeg":
		err = jpeg.Encode(&enc, picture(), &jpeg.Options{Quality: 90})
		if err == nil {
			_, err = meta.WriteJPEG(&out, nil, xmp, enc.Bytes())
		}
	case "png":
		err = png.Encode(&enc, picture())
		if err == nil {
			_, err = meta.SplicePNG(&out, enc.Bytes(), nil, xmp)
		}
	case "webp":
		err = webp.Encode(&enc, picture(), webp.Options{Quality: 80})
		if err == nil {
			_, err = meta.SpliceWebP(&out, enc.Bytes(), nil, xmp)
		}
	case "gif":
		err = gif.Encode(&enc, picture(), nil)
		if err == nil {
			err = meta.SpliceGIF(&out, enc.Bytes(), xmp)
		}
	case "tiff":
		err = tiff.Encode(&enc, picture(), nil)
		if err == nil {
			_, err = meta.SpliceTIFF(&out, enc.Bytes(), nil, xmp)
		}
	default:
		t.Fatalf("labeled: unknown picture format %s", format)
	}
	if err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// asset is an unsigned file of a format (named as its extension).
func asset(t testing.TB, format string) []byte {
	t.Helper()
	if c2patest.IsMedia(format) {
		return c2patest.Media(t, format)
	}
	return labeled(t, format, specFor(labeler.Generated))
}

// signBytes signs data the way the finisher signs a kind's output: in a
// file, through SignFile.
func signBytes(t testing.TB, data []byte, ext string, m Manifest, s Signer) []byte {
	t.Helper()
	f, ok := BuiltIn().Find(data)
	if !ok {
		t.Fatalf("%s: no format found", ext)
	}
	path := filepath.Join(t.TempDir(), "out."+ext)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := SignFile(context.Background(), path, f, m, s); err != nil {
		t.Fatalf("%s: %v", ext, err)
	}
	out, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return out
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

// mediaByte is an offset inside the coded media of a signed file (pixels,
// samples, frames), past every header, for tampering.
//
// A JPEG's scan is found by walking its segments: searching for the SOS
// marker's bytes once found them inside the manifest's signature (about
// one signing in 500 has 0xFF 0xDA among its random bytes), and the
// "tampered" byte then broke the claim signature instead of the media.
func mediaByte(t testing.TB, format string, data []byte) int {
	t.Helper()
	if format == "jpeg" {
		return jpegScanByte(t, data)
	}
	markers := map[string]string{
		"png": "IDAT", "webp": "VP8", "wav": "data", "avi": "movi",
		"m4a": "mdat", "mp4": "mdat", "mov": "mdat",
	}
	if m, ok := markers[format]; ok {
		if i := bytes.Index(data, []byte(m)); i > 0 && i+40 < len(data) {
			return i + 40
		}
		t.Fatalf("%s: no %q in the file", format, m)
	}
	switch format {
	case "gif", "mp3", "flac":
		return len(data) - 20 // image data or audio frames run to the end
	case "tiff":
		return 8 + 40 // Go's encoder writes the strips right after the header
	}
	t.Fatalf("mediaByte: unknown format %s", format)
	return 0
}

// jpegScanByte is an offset 40 bytes into a JPEG's first scan header,
// found by meta.WalkJPEG, which follows the segments' lengths.
func jpegScanByte(t testing.TB, data []byte) int {
	t.Helper()
	f, err := meta.WalkJPEG(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range f.Marks {
		if m.Marker == 0xDA && m.Off+40 < len(data) {
			return m.Off + 40
		}
	}
	t.Fatal("jpeg: no scan found by walking the segments")
	return 0
}

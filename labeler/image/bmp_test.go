package image

import (
	"context"
	"encoding/binary"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/internal/samples"
	"github.com/belgi-kz/belgi/labeler"
)

// bmpWrapping builds a BMP (BITMAPV5HEADER, as Pillow writes) whose
// pixel data is a whole JPEG or PNG stream, compression 4 or 5.
func bmpWrapping(stream []byte, compression uint32, w, h int32) []byte {
	const off = 14 + 124
	b := []byte("BM")
	b = binary.LittleEndian.AppendUint32(b, uint32(off+len(stream)))
	b = binary.LittleEndian.AppendUint32(b, 0)
	b = binary.LittleEndian.AppendUint32(b, off)
	hdr := make([]byte, 124)
	binary.LittleEndian.PutUint32(hdr, 124)
	binary.LittleEndian.PutUint32(hdr[4:], uint32(w))
	binary.LittleEndian.PutUint32(hdr[8:], uint32(h))
	binary.LittleEndian.PutUint16(hdr[12:], 1)
	binary.LittleEndian.PutUint32(hdr[16:], compression)
	binary.LittleEndian.PutUint32(hdr[20:], uint32(len(stream)))
	return append(append(b, hdr...), stream...)
}

// TestBMPWrappingJPEGOrPNG reduces pillow_rgb24jpeg.bmp, refused before
// as "unsupported BMP image": the wrapped picture is labeled and written
// in its own format.
func TestBMPWrappingJPEGOrPNG(t *testing.T) {
	pic := scene(64, 40)
	for _, c := range []struct {
		name, ext string
		data      []byte
	}{
		{"JPEG", ".jpg", bmpWrapping(samples.JPEG(pic, 90, 0), bmpJPEG, 64, 40)},
		{"PNG", ".png", bmpWrapping(samples.PNG(pic), bmpPNG, 64, 40)},
	} {
		res := labelResult(t, "scan.bmp", c.data)
		if filepath.Ext(res.Output) != c.ext || !strings.Contains(strings.Join(res.Notes, ";"), "a BMP wrapping a "+c.name) {
			t.Errorf("%s: output %s, notes %v", c.name, res.Output, res.Notes)
		}
	}
}

// FuzzBMPEmbedded: the stream found is inside the file and of the
// format the header names.
func FuzzBMPEmbedded(f *testing.F) {
	f.Add(bmpWrapping(samples.JPEG(scene(16, 8), 90, 0), bmpJPEG, 16, 8))
	f.Add(bmpWrapping(samples.PNG(scene(16, 8)), bmpPNG, 16, 8))
	f.Add(bmpOf(f, scene(8, 8)))
	f.Fuzz(func(t *testing.T, data []byte) {
		stream, g, ok := bmpEmbedded(data)
		if !ok {
			return
		}
		if got, _ := sniffFormat(stream); got != g || len(stream) > len(data) {
			t.Fatalf("%d-byte %s stream from %d bytes", len(stream), g, len(data))
		}
	})
}

// TestConvertedBesideItsTarget: photo.bmp beside photo.png (and a HEIC
// beside the JPEG a phone exported of it) both get labeled copies in one
// batch, the converted one keeping its extension in its name; a BMP with
// no such sibling is simply renamed.
func TestConvertedBesideItsTarget(t *testing.T) {
	dir := t.TempDir()
	pic := scene(64, 40)
	for name, data := range map[string][]byte{"photo.bmp": bmpOf(t, pic), "photo.png": samples.PNG(pic), "lone.bmp": bmpOf(t, pic),
		"SHOT.bmp": bmpOf(t, pic), "SHOT.PNG": samples.PNG(pic)} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	reg := labeler.NewRegistry(New())
	spec := labeler.DefaultSpec()
	inputs, errs := reg.Expand([]string{dir}, spec.Out)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	got := map[string]string{}
	for _, r := range (labeler.Batch{Registry: reg, Spec: spec, Jobs: 2}).Run(context.Background(), inputs) {
		if r.Status != labeler.StatusOK {
			t.Fatalf("%s: %s %v", r.Input, r.Status, r.Err)
		}
		got[filepath.Base(r.Input)] = filepath.Base(r.Output)
	}
	want := map[string]string{"photo.bmp": "photo.bmp.png", "photo.png": "photo.png", "lone.bmp": "lone.png",
		"SHOT.bmp": "SHOT.bmp.png", "SHOT.PNG": "SHOT.PNG"}
	if !maps.Equal(got, want) {
		t.Errorf("outputs %v, want %v", got, want)
	}
}

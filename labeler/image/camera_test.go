package image

import (
	"bytes"
	"context"
	"encoding/binary"
	"hash/crc32"
	"image"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/internal/meta"
	"github.com/belgi-kz/belgi/internal/samples"
	"github.com/belgi-kz/belgi/labeler"
	xdraw "golang.org/x/image/draw"
)

// cameraEXIF is an EXIF APP1 the way cameras write it: IFD0, then IFD1
// pointing at a JPEG thumbnail at the end of the block.
func cameraEXIF(thumb []byte) []byte {
	le := binary.LittleEndian
	b := []byte("Exif\x00\x00II*\x00\x08\x00\x00\x00")
	b = le.AppendUint16(b, 1)
	b = append(le.AppendUint32(le.AppendUint16(le.AppendUint16(b, 0x0112), 3), 1), 1, 0, 0, 0)
	b = le.AppendUint32(b, 8+2+12+4) // IFD1 right after
	b = le.AppendUint16(b, 2)
	at := uint32(8 + 2 + 12 + 4 + 2 + 24 + 4)
	b = le.AppendUint32(le.AppendUint32(le.AppendUint16(le.AppendUint16(b, 0x0201), 4), 1), at)
	b = le.AppendUint32(le.AppendUint32(le.AppendUint16(le.AppendUint16(b, 0x0202), 4), 1), uint32(len(thumb)))
	b = le.AppendUint32(b, 0)
	return samples.Segment(0xE1, append(b, thumb...))
}

// small is img scaled to fit 160 px, as a camera's thumbnail.
func small(img image.Image) image.Image {
	out := image.NewRGBA(image.Rect(0, 0, 160, 120))
	xdraw.ApproxBiLinear.Scale(out, out.Rect, img, img.Bounds(), xdraw.Src, nil)
	return out
}

// TestCameraJPEGPreviews is the real-world failure reduced: a camera
// JPEG whose EXIF thumbnail (with its own SOS and EOI), Photoshop
// thumbnail and MPF-style trailer made the read-back fail with
// "unexpected marker 0xFFD9 inside the scan", and whose thumbnails would
// have shown the unlabeled picture. Both thumbnails are remade from the
// labeled picture (checkPreviews holds each to it).
func TestCameraJPEGPreviews(t *testing.T) {
	img := scene(640, 480)
	thumb := samples.JPEG(small(img), 80, 1)
	ps := append([]byte("Photoshop 3.0\x00"), psThumb(thumb)...)
	photo := samples.InsertAfterSOI(samples.JPEG(img, 90, 1), cameraEXIF(thumb), samples.Segment(0xED, ps))
	photo = append(photo, samples.JPEG(img, 50, 1)...) // an appended second image
	out := labelBytes(t, "camera.jpg", photo, labeler.DefaultSpec())
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	labeled, err := decode(fmtJPEG, data)
	if err != nil {
		t.Fatal(err)
	}
	seen := checkPreviews(t, data, labeled, img)
	if len(seen) != 2 {
		t.Errorf("want exactly the regenerated EXIF and Photoshop thumbnails, found %v", seen)
	}
	if bytes.Contains(data, thumb) {
		t.Error("the old thumbnail's bytes are still in the file")
	}
}

func psThumb(jpg []byte) []byte {
	b := append([]byte("8BIM\x04\x0c\x00\x00"), binary.BigEndian.AppendUint32(nil, uint32(28+len(jpg)))...)
	b = append(append(b, make([]byte, 28)...), jpg...)
	if len(b)%2 == 1 {
		b = append(b, 0)
	}
	return b
}

// TestPNGEXIFThumbnailRegenerated: a PNG's eXIf thumbnail used to be
// carried as it was, showing the unlabeled picture.
func TestPNGEXIFThumbnailRegenerated(t *testing.T) {
	img := scene(400, 300)
	exif := cameraEXIF(samples.JPEG(small(img), 80, 1))[4+6:]
	src := samples.PNG(img)
	chunk := binary.BigEndian.AppendUint32(nil, uint32(len(exif)))
	chunk = append(append(chunk, "eXIf"...), exif...)
	chunk = binary.BigEndian.AppendUint32(chunk, crc(chunk[4:]))
	src = append(append(bytes.Clone(src[:33]), chunk...), src[33:]...)
	res := labelResult(t, "phone.png", src)
	data, _ := os.ReadFile(res.Output)
	labeled, err := decode(fmtPNG, data)
	if err != nil {
		t.Fatal(err)
	}
	if seen := checkPreviews(t, data, labeled, img); len(seen) != 1 {
		t.Errorf("want one regenerated thumbnail, found %v", seen)
	}
	if !strings.Contains(strings.Join(res.Notes, ";"), "regenerated") {
		t.Errorf("notes %v", res.Notes)
	}
}

func crc(b []byte) uint32 { return crc32.ChecksumIEEE(b) }

// labelResult labels data saved as name and returns the result.
func labelResult(t *testing.T, name string, data []byte) labeler.Result {
	t.Helper()
	in := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	res := labeler.NewRegistry(New()).Process(context.Background(), labeler.DefaultSpec(), labeler.Input{Path: in}, nil)
	if res.Status != labeler.StatusOK {
		t.Fatalf("%s: %v", name, res.Err)
	}
	return res
}

// rawEXIF is an EXIF APP1 as older Kodak and Minolta cameras wrote it:
// IFD1 holds a w×h thumbnail of 8-bit RGB pixels, uncompressed, in one
// strip at the strip's offset returned.
func rawEXIF(thumb *image.RGBA) ([]byte, int) {
	le := binary.LittleEndian
	w, h := thumb.Rect.Dx(), thumb.Rect.Dy()
	entry := func(b []byte, tag, typ uint16, v uint32) []byte {
		return le.AppendUint32(le.AppendUint32(le.AppendUint16(le.AppendUint16(b, tag), typ), 1), v)
	}
	b := []byte("II*\x00\x08\x00\x00\x00")
	b = entry(le.AppendUint16(b, 1), 0x0112, 3, 1)
	ifd1 := uint32(len(b) + 4)
	b = le.AppendUint32(b, ifd1)
	bits := ifd1 + 2 + 8*12 + 4
	strip := bits + 6
	b = le.AppendUint16(b, 8)
	b = entry(b, 0x0100, 4, uint32(w))
	b = entry(b, 0x0101, 4, uint32(h))
	b = le.AppendUint32(le.AppendUint32(le.AppendUint16(le.AppendUint16(b, 0x0102), 3), 3), bits)
	b = entry(b, 0x0103, 3, 1) // uncompressed
	b = entry(b, 0x0106, 3, 2) // RGB
	b = entry(b, 0x0111, 4, strip)
	b = entry(b, 0x0115, 3, 3)
	b = entry(b, 0x0117, 4, uint32(3*w*h))
	b = le.AppendUint32(b, 0)
	b = le.AppendUint16(le.AppendUint16(le.AppendUint16(b, 8), 8), 8)
	for i := 0; i < len(thumb.Pix); i += 4 {
		b = append(b, thumb.Pix[i:i+3]...)
	}
	return samples.Segment(0xE1, append([]byte("Exif\x00\x00"), b...)), int(strip)
}

// labelRawThumb labels img, carrying old as an uncompressed EXIF
// thumbnail (rawEXIF), and returns the labeled file and the thumbnail's
// pixels as the file now holds them, which the result must say were
// regenerated.
func labelRawThumb(t *testing.T, name string, img image.Image, old *image.RGBA) (data, pix []byte) {
	t.Helper()
	exif, at := rawEXIF(old)
	res := labelResult(t, name, samples.InsertAfterSOI(samples.JPEG(img, 90, 2), exif))
	data, _ = os.ReadFile(res.Output)
	info, err := meta.ParseJPEG(data)
	if err != nil {
		t.Fatal(err)
	}
	tiff := bytes.TrimPrefix(info.EXIF, []byte("Exif\x00\x00"))
	n := 3 * old.Rect.Dx() * old.Rect.Dy()
	if len(tiff) < at+n || !strings.Contains(strings.Join(res.Notes, ";"), "EXIF thumbnail regenerated") {
		t.Fatalf("EXIF of %d bytes, notes %v", len(tiff), res.Notes)
	}
	return data, tiff[at : at+n]
}

// TestUncompressedEXIFThumbnailLabeled: an old camera's uncompressed
// thumbnail is redrawn from the labeled picture, in place and at its
// size, instead of being removed.
func TestUncompressedEXIFThumbnailLabeled(t *testing.T) {
	img := scene(640, 480)
	old := image.NewRGBA(image.Rect(0, 0, 96, 72))
	xdraw.ApproxBiLinear.Scale(old, old.Rect, img, img.Bounds(), xdraw.Src, nil)
	data, got := labelRawThumb(t, "kodak.jpg", img, old)
	labeled, err := decode(fmtJPEG, data)
	if err != nil {
		t.Fatal(err)
	}
	want := image.NewRGBA(old.Rect)
	xdraw.ApproxBiLinear.Scale(want, want.Rect, labeled, labeled.Bounds(), xdraw.Src, nil)
	// Where the label is (the bottom-right corner), the thumbnail must
	// show its dark box and white chip, as the labeled picture scaled
	// down without a filter does (fewer of them: the thumbnail is
	// filtered, which softens the label's edges); the scene has neither.
	labelLike := func(pix []byte, step int) int {
		n := 0
		for y := 60; y < 70; y++ {
			for x := 60; x < 92; x++ {
				p := pix[step*(y*96+x):]
				if hi, lo := max(p[0], p[1], p[2]), min(p[0], p[1], p[2]); hi < 70 || lo > 200 {
					n++
				}
			}
		}
		return n
	}
	g, w, o := labelLike(got, 3), labelLike(want.Pix, 4), labelLike(old.Pix, 4)
	if g < w/3 || o > g/4 {
		t.Errorf("under the label %d of the thumbnail's pixels look like the label, %d of the labeled picture's, %d of the unlabeled one's", g, w, o)
	}
}

// TestUncompressedThumbnailLetterboxed: a 3:2 photo's thumbnail in a 4:3
// strip is fitted inside on black, as cameras do, not stretched.
func TestUncompressedThumbnailLetterboxed(t *testing.T) {
	img := scene(600, 400)
	_, px := labelRawThumb(t, "wide.jpg", img, image.NewRGBA(image.Rect(0, 0, 96, 72)))
	row := func(y int) []byte { return px[3*96*y : 3*96*(y+1)] }
	black := make([]byte, 3*96)
	// About 96×64 of picture, centred: some four black rows above and
	// below (one less where the height rounds down).
	for _, y := range []int{0, 2, 69, 71} {
		if !bytes.Equal(row(y), black) {
			t.Errorf("row %d is not black", y)
		}
	}
	for y := 5; y < 67; y++ {
		if bytes.Equal(row(y), black) {
			t.Errorf("row %d is black: the picture is not there", y)
		}
	}
}

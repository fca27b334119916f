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
// have shown the unlabeled picture.
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
	if len(seen) != 1 {
		t.Errorf("want exactly the regenerated EXIF thumbnail, found %v", seen)
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

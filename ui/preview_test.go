package ui

import (
	"bytes"
	"image"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/belgi-kz/belgi/labeler"
)

// shown waits for the preview to show a picture and returns a copy.
func shown(t *testing.T, u *App, l *loop) *image.RGBA {
	t.Helper()
	l.until(t, "the preview", func() bool { return u.preview.image.Image != nil })
	img, ok := u.preview.image.Image.(*image.RGBA)
	if !ok {
		t.Fatalf("preview is a %T", u.preview.image.Image)
	}
	return &image.RGBA{Pix: bytes.Clone(img.Pix), Stride: img.Stride, Rect: img.Rect}
}

func TestPreviewChangesWithPosition(t *testing.T) {
	u, l := newTestUI(t)
	addAndWait(t, u, l, 1, writePhoto(t, t.TempDir(), "lake.jpg", 1200, 800, 3))
	before := shown(t, u, l)
	if u.spec.Position != labeler.Auto {
		t.Fatalf("default position is %s", u.spec.Position)
	}
	test.Tap(u.settings.position.cells[0]) // top-left
	after := shown(t, u, l)

	w, h := before.Rect.Dx(), before.Rect.Dy()
	topLeft := image.Rect(0, 0, w/3, h/3)
	bottomRight := image.Rect(2*w/3, 2*h/3, w, h)
	if differ(before, after, topLeft) == 0 {
		t.Error("moving the label to the top left left the top-left corner unchanged")
	}
	if differ(before, after, bottomRight) == 0 {
		t.Error("moving the label away left the bottom-right corner unchanged")
	}
	if !u.preview.image.Visible() || u.preview.note.Visible() {
		t.Error("the picture should show, not the placeholder")
	}
	if !u.settings.hasPlan || u.settings.layout.Cap < 0.05*800-1 {
		t.Errorf("size should show the planned cap height ≥ 5 %% of 800 px, got %v", u.settings.layout.Cap)
	}
}

func TestPreviewPlaceholderForUnsupported(t *testing.T) {
	u, l := newTestUI(t)
	addAndWait(t, u, l, 1, writeFile(t, t.TempDir(), "notes.bin", "\x00\x01 binary"))
	if u.preview.image.Visible() || !u.preview.note.Visible() || u.preview.note.Text == "" {
		t.Error("an unsupported file should show the explanation, not a picture")
	}
}

// differ counts pixels that differ between a and b inside r.
func differ(a, b *image.RGBA, r image.Rectangle) int {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			i := a.PixOffset(x, y)
			if !bytes.Equal(a.Pix[i:i+4], b.Pix[i:i+4]) {
				n++
			}
		}
	}
	return n
}

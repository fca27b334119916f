package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/belgi-kz/belgi/internal/samples"
	"github.com/belgi-kz/belgi/labeler"
	imagekind "github.com/belgi-kz/belgi/labeler/image"
)

// BenchmarkPreviewRerender24MP is the cost of one settings change on the
// preview of a 24-megapixel photo: the label relaid and redrawn on the
// cached copy, and the preview widget refreshed. It must stay well under
// a frame (16 ms); the target is 5 ms.
func BenchmarkPreviewRerender24MP(b *testing.B) {
	u, l := newTestUI(b)
	addAndWait(b, u, l, 1, samples.WritePhoto24MP(b))
	l.until(b, "the first preview", func() bool { return u.preview.image.Image != nil })
	spec := u.spec
	i := 0
	for b.Loop() {
		spec.Position = labeler.Positions[i%len(labeler.Positions)]
		u.preview.update(spec)
		i++
	}
}

// BenchmarkFirstPreview24MP is opening a 24 MP photo until its first
// labeled preview exists, at the app's preview size.
func BenchmarkFirstPreview24MP(b *testing.B) {
	in := samples.WritePhoto24MP(b)
	spec := labeler.DefaultSpec()
	for b.Loop() {
		p, err := imagekind.LoadPreview(in, previewMax, spec.Image.MaxMegapixels)
		if err != nil {
			b.Fatal(err)
		}
		if _, _, err := p.Render(spec); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStartToWindow is building the whole window, from the app
// object to content on screen, with the headless driver (the smoke test
// measures the real thing under Xvfb).
func BenchmarkStartToWindow(b *testing.B) {
	for b.Loop() {
		a := test.NewTempApp(b)
		u := New(a, nil)
		u.win.Show()
		u.win.Canvas().Content().Refresh()
		u.win.Close()
	}
}

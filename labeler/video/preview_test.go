package video

import (
	"context"
	"image"
	"testing"
	"time"

	"github.com/belgi-kz/belgi/labeler"
)

// TestPreviews: the app's preview shows the upright frame at the asked
// time with the label where the output will have it, and the slate.
func TestPreviews(t *testing.T) {
	in := clip(t, "rot90.mp4")
	ctx := context.Background()
	spec := testSpec()
	d, err := Duration(ctx, in)
	if err != nil || d < 2900*time.Millisecond || d > 3100*time.Millisecond {
		t.Fatalf("duration %s %v, want 3s", d, err)
	}
	img, err := PreviewAt(ctx, in, spec, 10*time.Second, 160) // past the end: clamped
	if err != nil {
		t.Fatal(err)
	}
	if w, h := img.Rect.Dx(), img.Rect.Dy(); w != 120 || h != 160 {
		t.Errorf("preview %d×%d, want the upright 120×160", w, h)
	}
	plain := frameScaled(t, in, 2.9, 160)
	r := badgeRect(t, spec, 240, 320)
	r.Min, r.Max = r.Min.Div(2), r.Max.Div(2)
	if diff := meanDiff(plain, img, r); diff < 20 {
		t.Errorf("preview shows no label in %v (diff %.1f)", r, diff)
	}
	slate, err := SlatePreview(ctx, in, spec, 160)
	if err != nil || slate.Rect.Dx() != 120 || meanLuma(slate) > 80 {
		t.Errorf("slate preview %v %v", slate.Rect, err)
	}
	if k, ok := any(New()).(labeler.Previewer); !ok {
		t.Error("the video kind is not a Previewer")
	} else if _, err := k.Preview(ctx, in, spec, 100); err != nil {
		t.Error(err)
	}
}

func frameScaled(t *testing.T, path string, sec float64, limit int) *image.RGBA {
	t.Helper()
	img, err := displayedFrame(context.Background(), path, mustProbe(t, path), time.Duration(sec*float64(time.Second)), limit)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

package image

import (
	"bytes"
	"image"
	"os"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/internal/meta"
	"github.com/belgi-kz/belgi/internal/samples"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/render"
)

// stereoPair is an MPO as 3D cameras write it: the left view with the MP
// index, then the right view with its own MP attributes.
func stereoPair(t *testing.T, second uint32) (file, view []byte) {
	view, err := meta.InsertMPF(samples.JPEG(samples.Scene(96, 64, 9), 90, 0), samples.MPFAttributes(2))
	if err != nil {
		t.Fatal(err)
	}
	file, err = meta.JoinMPF(samples.JPEG(scene(96, 64), 90, 0), samples.MPFIndex(0x020002, second), [][]byte{view})
	if err != nil {
		t.Fatal(err)
	}
	return file, view
}

// TestMPOViewsLabeled reduces pillow_frozenpond.mpo, whose second view
// was dropped: each view is labeled and kept, with its MP attributes,
// and the MP index points at it.
func TestMPOViewsLabeled(t *testing.T) {
	src, view := stereoPair(t, 0x020002)
	res := labelResult(t, "pair.mpo", src)
	notes := strings.Join(res.Notes, ";")
	if !strings.Contains(notes, "MPF image(s) labeled too: the second view of a stereo pair") || strings.Contains(notes, "dropped") {
		t.Errorf("notes %v", res.Notes)
	}
	out, _ := os.ReadFile(res.Output)
	mp, ok, err := meta.SplitMPF(out)
	if err != nil || !ok || len(mp.Parts) != 1 {
		t.Fatalf("output index: %v, %v", ok, err)
	}
	got := mp.Parts[0]
	if !bytes.Equal(meta.MPFPayload(got), samples.MPFAttributes(2)) {
		t.Error("the view lost its MP attributes")
	}
	a, err1 := decode(fmtJPEG, view)
	b, err2 := decode(fmtJPEG, got)
	if err1 != nil || err2 != nil {
		t.Fatalf("decode: %v %v", err1, err2)
	}
	l, _ := render.Plan(labeler.DefaultSpec(), 96, 64)
	type sub interface {
		SubImage(r image.Rectangle) image.Image
	}
	if d := meanDiff(a.(sub).SubImage(l.Rect), b.(sub).SubImage(l.Rect)); d < 20 {
		t.Errorf("the view's label box differs from the source by %.1f only", d)
	}
}

// TestMPFGainMapStillDropped: an image that is not a view (an Ultra HDR
// gain map has type 0) is not labeled as a picture; the extra images are
// dropped as before, and said so.
func TestMPFGainMapStillDropped(t *testing.T) {
	src, _ := stereoPair(t, 0)
	res := labelResult(t, "hdr.jpg", src)
	out, _ := os.ReadFile(res.Output)
	if _, ok, _ := meta.SplitMPF(out); ok || !strings.Contains(strings.Join(res.Notes, ";"), "MPF image 2") {
		t.Errorf("gain map kept (%v) or not noted: %v", ok, res.Notes)
	}
}

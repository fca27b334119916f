package image

import (
	"bytes"
	"image"
	"image/color"
	"image/color/palette"
	"image/draw"
	"image/gif"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/internal/meta"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/render"
	"github.com/gen2brain/webp"
)

// movingGIF is a scene with a square moving over it, one frame shown
// twice: the sort of animation whose frames an encoder cuts to what
// changed.
func movingGIF(t *testing.T) []byte {
	g := &gif.GIF{}
	for i, x := range []int{10, 30, 30, 50} {
		m := image.NewPaletted(image.Rect(0, 0, 160, 120), palette.Plan9)
		draw.Draw(m, m.Rect, scene(160, 120), image.Point{}, draw.Src)
		draw.Draw(m, image.Rect(x, 20, x+20, 40), image.NewUniform(color.RGBA{200, 30, 30, 255}), image.Point{}, draw.Src)
		g.Image, g.Delay = append(g.Image, m), append(g.Delay, 10+i*5)
	}
	var b bytes.Buffer
	if err := gif.EncodeAll(&b, g); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// animatedWebP makes an animated WebP with libwebp's own gif2webp, an
// encoder Belgi did not write.
func animatedWebP(t *testing.T, lossy bool) []byte {
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in.gif"), filepath.Join(dir, "out.webp")
	if err := os.WriteFile(in, movingGIF(t), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"-quiet", in, "-o", out}
	if lossy {
		args = append([]string{"-lossy"}, args...)
	}
	if msg, err := exec.Command("gif2webp", args...).CombinedOutput(); err != nil {
		t.Fatalf("gif2webp: %v %s", err, msg)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestAnimatedWebPLabeled reduces md-extractor-images_Animation_Lossy.webp,
// refused before: every frame shows the label, the rest of each frame is
// the source's, and frames, durations, loop count and background stay.
func TestAnimatedWebPLabeled(t *testing.T) {
	if _, err := exec.LookPath("gif2webp"); err != nil {
		t.Skip("gif2webp not installed (Debian: webp)")
	}
	for _, lossy := range []bool{false, true} {
		src := animatedWebP(t, lossy)
		n, _ := webpFrames(src) // gif2webp merges the repeated frame: 3
		res := labelResult(t, "anim.webp", src)
		if n != 3 || !strings.Contains(strings.Join(res.Notes, ";"), "all 3 frames labeled") {
			t.Errorf("lossy %v: notes %v", lossy, res.Notes)
		}
		out, _ := os.ReadFile(res.Output)
		checkAnimationKept(t, src, out)
		checkFramesLabeled(t, src, out, lossy)
		if msg, err := exec.Command("webpinfo", "-quiet", res.Output).CombinedOutput(); err != nil {
			t.Errorf("webpinfo: %v %s", err, msg)
		}
	}
}

// checkAnimationKept compares frame count, durations and the ANIM chunk.
func checkAnimationKept(t *testing.T, src, out []byte) {
	a, err1 := meta.ParseWebP(src)
	b, err2 := meta.ParseWebP(out)
	if err1 != nil || err2 != nil || !b.Animated || b.Width != a.Width || b.Height != a.Height {
		t.Fatalf("output not an animation of the canvas: %v %v", err1, err2)
	}
	fa, _ := a.Frames()
	fb, _ := b.Frames()
	if len(fa) != len(fb) {
		t.Fatalf("%d frames, source %d", len(fb), len(fa))
	}
	for i := range fa {
		if fa[i].Duration != fb[i].Duration {
			t.Errorf("frame %d shows %d ms, source %d", i, fb[i].Duration, fa[i].Duration)
		}
	}
	if animChunk(a) == nil || !bytes.Equal(animChunk(a), animChunk(b)) {
		t.Errorf("ANIM %x, source %x", animChunk(b), animChunk(a))
	}
}

func animChunk(w *meta.WebPInfo) []byte {
	for _, c := range w.Chunks {
		if c.FourCC == "ANIM" {
			return c.Data
		}
	}
	return nil
}

// checkFramesLabeled decodes both animations with libwebp: inside the
// label's box each frame differs from the source's, outside it matches.
func checkFramesLabeled(t *testing.T, src, out []byte, lossy bool) {
	a, err1 := webp.DecodeAll(bytes.NewReader(src))
	b, err2 := webp.DecodeAll(bytes.NewReader(out))
	if err1 != nil || err2 != nil || len(a.Image) != len(b.Image) {
		t.Fatalf("decode: %v %v", err1, err2)
	}
	l, _ := render.Plan(labeler.DefaultSpec(), 160, 120)
	tol := 1.0
	if lossy {
		tol = 4
	}
	for i := range a.Image {
		in := func(m image.Image) image.Image { return m.(*image.RGBA).SubImage(l.Rect) }
		if d := meanDiff(in(a.Image[i]), in(b.Image[i])); d < 20 {
			t.Errorf("frame %d: the label's box differs by %.1f only", i, d)
		}
		top := image.Rect(0, 0, 160, l.Rect.Min.Y)
		if d := meanDiff(a.Image[i].(*image.RGBA).SubImage(top), b.Image[i].(*image.RGBA).SubImage(top)); d > tol {
			t.Errorf("frame %d: above the label it differs by %.1f", i, d)
		}
	}
}

// TestUnchangedFrameChangesNothing: a labeled frame equal to the one
// before is kept (with its duration) as a transparent patch blended over
// it, so the picture does not change, even when the coding is lossy.
func TestUnchangedFrameChangesNothing(t *testing.T) {
	cur := nrgba(scene(40, 30), image.Rect(0, 0, 40, 30))
	f, err := codeFrame(cur, cur, meta.WebPFrame{Duration: 70})
	if err != nil {
		t.Fatal(err)
	}
	if !f.Blend || f.Width != 2 || f.Height != 2 || f.Duration != 70 {
		t.Fatalf("frame %+v", f)
	}
	var b bytes.Buffer
	if _, err := meta.SpliceAnimatedWebP(&b, 2, 2, []meta.WebPFrame{f}, nil, []byte("<x/>")); err != nil {
		t.Fatal(err)
	}
	m, err := webp.Decode(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	for y := range 2 {
		for x := range 2 {
			if _, _, _, a := m.At(x, y).RGBA(); a != 0 {
				t.Errorf("patch pixel %d,%d has alpha %d", x, y, a)
			}
		}
	}
}

func TestChangedRect(t *testing.T) {
	a := nrgba(scene(20, 10), image.Rect(0, 0, 20, 10))
	for _, c := range []struct {
		name string
		at   []image.Point
		want image.Rectangle
	}{
		{"none", nil, image.Rectangle{}},
		{"one pixel, odd corner", []image.Point{{5, 3}}, image.Rect(4, 2, 6, 4)},
		{"two corners", []image.Point{{0, 0}, {19, 9}}, image.Rect(0, 0, 20, 10)},
	} {
		b := nrgba(a, a.Rect)
		for _, p := range c.at {
			b.Pix[b.PixOffset(p.X, p.Y)+1] ^= 0xFF
		}
		if got := changed(a, b); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

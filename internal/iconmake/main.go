// Command iconmake draws Belgi's application icon, assets/icon.png: a
// rounded square in the label's dark ink with the Kazakh mark «ЖИ» in
// Noto Sans Bold, the same font the labels use. Run it from the module
// root with `go run ./internal/iconmake assets/icon.png`; the output is
// deterministic, so the committed PNG only changes when this file does.
package main

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"

	"github.com/belgi-kz/belgi/assets"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

const size = 512

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: iconmake OUT.png")
		os.Exit(2)
	}
	img, err := draw()
	if err == nil {
		var buf bytes.Buffer
		if err = png.Encode(&buf, img); err == nil {
			err = os.WriteFile(os.Args[1], buf.Bytes(), 0o644)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "iconmake:", err)
		os.Exit(1)
	}
}

func draw() (*image.NRGBA, error) {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	square(img)
	f, err := opentype.Parse(assets.NotoSansBold)
	if err != nil {
		return nil, err
	}
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: 210, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return nil, err
	}
	defer face.Close()
	d := font.Drawer{Dst: img, Src: image.NewUniform(color.NRGBA{0xff, 0xd1, 0x4a, 0xff}), Face: face}
	w := d.MeasureString("ЖИ")
	b, _ := font.BoundString(face, "ЖИ")
	capH := (b.Max.Y - b.Min.Y).Ceil()
	d.Dot = fixed.Point26_6{X: (fixed.I(size) - w) / 2, Y: fixed.I((size + capH) / 2)}
	d.DrawString("ЖИ")
	return img, nil
}

// square paints an anti-aliased rounded square with a soft vertical
// gradient from teal to deep blue, and a thin lighter rim.
func square(img *image.NRGBA) {
	const margin, radius = 24.0, 96.0
	top := [3]float64{0x11, 0x7a, 0x8b}
	bottom := [3]float64{0x12, 0x2b, 0x5c}
	for y := 0; y < size; y++ {
		t := float64(y) / size
		var c [3]float64
		for i := range c {
			c[i] = top[i]*(1-t) + bottom[i]*t
		}
		for x := 0; x < size; x++ {
			d := roundedDistance(float64(x)+0.5, float64(y)+0.5, margin, size-margin, radius)
			a := math.Max(0, math.Min(1, 0.5-d))
			if a == 0 {
				continue
			}
			rim := math.Max(0, 1-math.Abs(d+5)/3) * 0.35
			img.SetNRGBA(x, y, color.NRGBA{
				R: uint8(c[0] + (255-c[0])*rim), G: uint8(c[1] + (255-c[1])*rim),
				B: uint8(c[2] + (255-c[2])*rim), A: uint8(a*255 + 0.5),
			})
		}
	}
}

// roundedDistance is the signed distance from (px, py) to a rounded
// square spanning lo..hi on both axes: negative inside.
func roundedDistance(px, py, lo, hi, r float64) float64 {
	cx := math.Max(lo+r-px, math.Max(0, px-(hi-r)))
	cy := math.Max(lo+r-py, math.Max(0, py-(hi-r)))
	if cx > 0 && cy > 0 {
		return math.Hypot(cx, cy) - r
	}
	inX := math.Min(px-lo, hi-px)
	inY := math.Min(py-lo, hi-py)
	return -math.Min(inX, inY)
}

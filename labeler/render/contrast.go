package render

import (
	"image"
	"image/color"
	"math"
	"strconv"
)

// MinContrast is WCAG 2.x's threshold for normal text. Belgi aims a little
// above it so that 8-bit rounding never lands below.
const (
	MinContrast = 4.5
	aimContrast = 4.6
)

// Background summarises what lies under the label: its darkest and
// brightest pixels (worst cases for contrast) and its mean luminance.
type Background struct {
	Darkest, Brightest color.NRGBA
	Mean               float64 // relative luminance 0..1
}

// Measure samples img inside r (stored coordinates). It reads at most
// about 16k pixels on a grid, so it costs the same on any photo.
func Measure(img image.Image, r image.Rectangle) Background {
	r = r.Intersect(img.Bounds())
	bg := Background{Darkest: color.NRGBA{255, 255, 255, 255}, Brightest: color.NRGBA{0, 0, 0, 255}, Mean: 0.5}
	if r.Empty() {
		return bg
	}
	step := max(1, int(math.Sqrt(float64(r.Dx()*r.Dy())/16384)))
	lo, hi, sum, n := 2.0, -1.0, 0.0, 0
	for y := r.Min.Y; y < r.Max.Y; y += step {
		for x := r.Min.X; x < r.Max.X; x += step {
			c := opaqueAt(img, x, y)
			l := luminance(c)
			sum += l
			n++
			if l < lo {
				lo, bg.Darkest = l, c
			}
			if l > hi {
				hi, bg.Brightest = l, c
			}
		}
	}
	bg.Mean = sum / float64(n)
	return bg
}

// Colors are the label's resolved colours.
type Colors struct {
	Box  color.NRGBA // with the opacity to use as alpha
	Text color.NRGBA // opaque
}

var (
	darkBox  = color.NRGBA{17, 17, 17, 255}
	lightBox = color.NRGBA{248, 248, 248, 255}
	white    = color.NRGBA{255, 255, 255, 255}
	black    = color.NRGBA{0, 0, 0, 255}
)

// Resolve picks box and text colours for a background. With auto
// contrast it tries a dark and a light box and keeps the one that needs
// less opacity; either way the opacity is raised until the text has at
// least 4.5:1 against the box composited over the worst background pixel.
func Resolve(box string, opacity float64, auto bool, bg Background) Colors {
	if auto {
		d := colorsFor(darkBox, opacity, bg)
		l := colorsFor(lightBox, opacity, bg)
		if l.Box.A < d.Box.A {
			return l
		}
		return d
	}
	return colorsFor(parseHex(box), opacity, bg)
}

func colorsFor(box color.NRGBA, opacity float64, bg Background) Colors {
	text := white
	if contrast(box, black) > contrast(box, white) {
		text = black
	}
	a := math.Max(0, math.Min(1, opacity))
	for ; a < 1; a = math.Min(1, a+0.02) {
		if contrast(text, blend(box, bg.Darkest, a)) >= aimContrast &&
			contrast(text, blend(box, bg.Brightest, a)) >= aimContrast {
			break
		}
	}
	box.A = uint8(math.Round(a * 255))
	return Colors{Box: box, Text: text}
}

// blend composites c at alpha a over an opaque background, as 8-bit
// sRGB compositing does.
func blend(c, under color.NRGBA, a float64) color.NRGBA {
	mix := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*a + float64(y)*(1-a))) }
	return color.NRGBA{mix(c.R, under.R), mix(c.G, under.G), mix(c.B, under.B), 255}
}

// Contrast is the WCAG contrast ratio of two opaque colours.
func Contrast(a, b color.Color) float64 {
	return contrast(color.NRGBAModel.Convert(a).(color.NRGBA), color.NRGBAModel.Convert(b).(color.NRGBA))
}

func contrast(a, b color.NRGBA) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// luminance is WCAG relative luminance of an sRGB colour.
func luminance(c color.NRGBA) float64 {
	return 0.2126*linear[c.R] + 0.7152*linear[c.G] + 0.0722*linear[c.B]
}

// SRGBLinear is an 8-bit sRGB value's linear light, 0..1: what contrast
// is measured in, and what the video kind re-codes the badge from for HDR.
func SRGBLinear(v uint8) float64 { return linear[v] }

// linear maps an 8-bit sRGB value to linear light, per WCAG.
var linear = func() (t [256]float64) {
	for v := range t {
		s := float64(v) / 255
		if s <= 0.04045 {
			t[v] = s / 12.92
		} else {
			t[v] = math.Pow((s+0.055)/1.055, 2.4)
		}
	}
	return t
}()

// Blend exposes compositing for tests and callers that check contrast.
func Blend(c, under color.NRGBA, a float64) color.NRGBA { return blend(c, under, a) }

func parseHex(s string) color.NRGBA {
	if len(s) != 7 || s[0] != '#' {
		return darkBox
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return darkBox
	}
	return color.NRGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 255}
}

// opaqueAt reads a pixel as opaque NRGBA, without allocating for the
// picture types labels are drawn on most.
func opaqueAt(img image.Image, x, y int) color.NRGBA {
	switch m := img.(type) {
	case *image.RGBA:
		p := m.RGBAAt(x, y)
		return color.NRGBA{p.R, p.G, p.B, 255}
	case *image.YCbCr:
		p := m.YCbCrAt(x, y)
		r, g, b := color.YCbCrToRGB(p.Y, p.Cb, p.Cr)
		return color.NRGBA{r, g, b, 255}
	case *image.NRGBA:
		p := m.NRGBAAt(x, y)
		p.A = 255
		return p
	}
	c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
	c.A = 255
	return c
}

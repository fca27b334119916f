package samples

import (
	"image"
	"math"
	"math/rand/v2"
)

// Scene draws a w×h landscape: a dusk sky, a sun, two mountain ridges and
// a lake with their reflection, plus a little sensor noise so encoders
// see photo-like content.
func Scene(w, h int, seed uint64) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	horizon := 0.62 * float64(h)
	sunX, sunY, sunR := 0.68*float64(w), 0.42*float64(h), 0.07*float64(min(w, h))
	far, near := ridgeLines(w, h, horizon)
	for y := 0; y < h; y++ {
		fy := float64(y)
		skyC := sky(fy / horizon)
		row := img.Pix[img.PixOffset(0, y):]
		for x := 0; x < w; x++ {
			fx := float64(x)
			c := skyC
			if d := math.Hypot(fx-sunX, fy-sunY); d < sunR*3 {
				c = mix(c, rgb(255, 214, 140), math.Max(0, 1-d/(sunR*3))*0.55)
				if d < sunR {
					c = rgb(255, 236, 190)
				}
			}
			c = ridges(c, fy, horizon, far[x], near[x])
			if fy > horizon {
				c = lake(img, x, y, horizon, c)
			}
			n := (rng.Float64() - 0.5) * 10
			p := row[4*x:]
			p[0], p[1], p[2], p[3] = clamp(c[0]+n), clamp(c[1]+n), clamp(c[2]+n), 255
		}
	}
	return img
}

// ridgeLines gives, per column, the heights of the far and near ridges.
func ridgeLines(w, h int, horizon float64) (far, near []float64) {
	far, near = make([]float64, w), make([]float64, w)
	fh := float64(h)
	for x := range far {
		u := float64(x) / float64(w)
		far[x] = horizon - fh*(0.16+0.05*math.Sin(u*9.1)+0.03*math.Sin(u*23.7))
		near[x] = horizon - fh*(0.08+0.06*math.Sin(u*5.3+1.2)+0.02*math.Sin(u*31))
	}
	return far, near
}

type fcolor [3]float64

func rgb(r, g, b float64) fcolor { return fcolor{r, g, b} }

func mix(a, b fcolor, t float64) fcolor {
	return fcolor{a[0] + (b[0]-a[0])*t, a[1] + (b[1]-a[1])*t, a[2] + (b[2]-a[2])*t}
}

func sky(t float64) fcolor {
	t = math.Max(0, math.Min(1, t))
	if t < 0.6 {
		return mix(rgb(38, 52, 112), rgb(196, 98, 120), t/0.6)
	}
	return mix(rgb(196, 98, 120), rgb(250, 176, 104), (t-0.6)/0.4)
}

// ridges paints the far and near mountains above the horizon.
func ridges(c fcolor, y, horizon, far, near float64) fcolor {
	switch {
	case y > near && y <= horizon:
		return mix(rgb(40, 44, 70), rgb(24, 30, 48), (y-near)/(horizon-near+1))
	case y > far && y <= horizon:
		return mix(rgb(92, 78, 120), c, 0.25)
	}
	return c
}

// lake mirrors what is above the horizon, darker and rippled.
func lake(img *image.RGBA, x, y int, horizon float64, c fcolor) fcolor {
	my := int(2*horizon) - y + int(2*math.Sin(float64(x)*0.05+float64(y)*0.3))
	if my < 0 || my >= img.Rect.Dy() || float64(my) >= float64(y) {
		return mix(c, rgb(20, 30, 60), 0.6)
	}
	p := img.RGBAAt(x, my)
	return mix(rgb(float64(p.R), float64(p.G), float64(p.B)), rgb(20, 34, 70), 0.35)
}

func clamp(v float64) uint8 {
	return uint8(math.Max(0, math.Min(255, math.Round(v))))
}

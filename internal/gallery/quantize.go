package main

import (
	"image"
	"image/color"
	"image/draw"
	"slices"
)

// The sheet is written as a 256-colour PNG: a contact sheet of photos in
// full colour is several megabytes, and a median-cut palette with
// Floyd–Steinberg dithering keeps photos and text looking the same at a
// third of the size.

// quantize returns img with a median-cut palette of n colours, dithered.
func quantize(img *image.RGBA, n int) *image.Paletted {
	pal := medianCut(histogram(img), n)
	out := image.NewPaletted(img.Rect, pal)
	draw.FloydSteinberg.Draw(out, img.Rect, img, img.Rect.Min)
	return out
}

// bin is a colour at 5 bits per channel and how many pixels have it.
type bin struct {
	c [3]uint8
	n int
}

func histogram(img *image.RGBA) []bin {
	counts := make([]int, 1<<15)
	for i := 0; i+3 < len(img.Pix); i += 4 {
		counts[int(img.Pix[i]>>3)<<10|int(img.Pix[i+1]>>3)<<5|int(img.Pix[i+2]>>3)]++
	}
	var bins []bin
	for k, n := range counts {
		if n > 0 {
			bins = append(bins, bin{[3]uint8{uint8(k >> 10), uint8(k >> 5 & 31), uint8(k & 31)}, n})
		}
	}
	return bins
}

// medianCut splits the colour bins into n boxes, always the box with
// the largest error along one channel, at its pixel median, and gives
// each box's mean colour.
func medianCut(bins []bin, n int) color.Palette {
	boxes := [][]bin{bins}
	for len(boxes) < n {
		i, axis := widest(boxes)
		if i < 0 {
			break
		}
		b := boxes[i]
		slices.SortFunc(b, func(x, y bin) int { return int(x.c[axis]) - int(y.c[axis]) })
		half, acc, cut := total(b)/2, 0, 1
		for j := range b[:len(b)-1] {
			if acc += b[j].n; acc >= half {
				cut = j + 1
				break
			}
		}
		boxes = append(boxes[:i], append([][]bin{b[:cut], b[cut:]}, boxes[i+1:]...)...)
	}
	pal := make(color.Palette, len(boxes))
	for i, b := range boxes {
		pal[i] = mean(b)
	}
	return pal
}

// widest finds the box worth splitting next and the channel to split:
// the largest squared error along one channel (a box of many pixels
// spread wide costs the most); -1 when no box has two colours left.
func widest(boxes [][]bin) (int, int) {
	best, bi, ba := 0.0, -1, 0
	for i, b := range boxes {
		if len(b) < 2 {
			continue
		}
		n := float64(total(b))
		for a := range 3 {
			var s, s2 float64
			for _, x := range b {
				v := float64(x.c[a])
				s, s2 = s+v*float64(x.n), s2+v*v*float64(x.n)
			}
			if sse := s2 - s*s/n; sse > best {
				best, bi, ba = sse, i, a
			}
		}
	}
	return bi, ba
}

func total(b []bin) int {
	n := 0
	for _, x := range b {
		n += x.n
	}
	return n
}

func mean(b []bin) color.RGBA {
	var s [3]int
	n := total(b)
	for _, x := range b {
		for a := range 3 {
			s[a] += (int(x.c[a])<<3 + 4) * x.n
		}
	}
	return color.RGBA{uint8(s[0] / n), uint8(s[1] / n), uint8(s[2] / n), 255}
}

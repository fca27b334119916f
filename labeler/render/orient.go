package render

import "image"

// EXIF orientation: how a stored picture is turned to be displayed
// (1 = as stored ... 8 = rotated 90° counter-clockwise). Belgi keeps the
// stored pixels and the orientation tag as they are and instead turns the
// label patch, so the label lands at the chosen corner of the picture a
// person sees and the file's orientation tag stays true.

// DisplaySize is the displayed size of a w×h stored picture.
func DisplaySize(w, h, orientation int) (int, int) {
	if orientation >= 5 && orientation <= 8 {
		return h, w
	}
	return w, h
}

// StoredPoint maps displayed pixel (x, y) of a dw×dh displayed frame to the
// stored pixel it shows.
func StoredPoint(x, y, dw, dh, orientation int) (int, int) {
	switch orientation {
	case 2:
		return dw - 1 - x, y
	case 3:
		return dw - 1 - x, dh - 1 - y
	case 4:
		return x, dh - 1 - y
	case 5:
		return y, x
	case 6:
		return y, dw - 1 - x
	case 7:
		return dh - 1 - y, dw - 1 - x
	case 8:
		return dh - 1 - y, x
	}
	return x, y
}

// StoredRect maps a rectangle of the displayed frame (dw×dh) to stored
// coordinates.
func StoredRect(r image.Rectangle, dw, dh, orientation int) image.Rectangle {
	x0, y0 := StoredPoint(r.Min.X, r.Min.Y, dw, dh, orientation)
	x1, y1 := StoredPoint(r.Max.X-1, r.Max.Y-1, dw, dh, orientation)
	return image.Rect(min(x0, x1), min(y0, y1), max(x0, x1)+1, max(y0, y1)+1)
}

// ToStored turns a patch drawn upright into the stored orientation.
func ToStored(p *image.RGBA, orientation int) *image.RGBA {
	if orientation < 2 || orientation > 8 {
		return p
	}
	pw, ph := p.Rect.Dx(), p.Rect.Dy()
	sw, sh := DisplaySize(pw, ph, orientation) // swapping is symmetric
	out := image.NewRGBA(image.Rect(0, 0, sw, sh))
	for y := 0; y < ph; y++ {
		for x := 0; x < pw; x++ {
			sx, sy := StoredPoint(x, y, pw, ph, orientation)
			copy(out.Pix[out.PixOffset(sx, sy):][:4], p.Pix[p.PixOffset(x, y):][:4])
		}
	}
	return out
}

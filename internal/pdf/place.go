package pdf

import "fmt"

// gapShare is the white space kept between the band and the content,
// in font sizes (4 pt at 14 pt).
const gapShare = 0.3

// view is a page as displayed: its visible box turned by /Rotate.
type view struct {
	disp matrix // display space (origin bottom-left of what is seen) to page space
	W, H float64
}

// viewOf maps the displayed page to the page's own space: /Rotate turns
// the page clockwise, so with 90 the displayed top is the crop box's left
// edge and the displayed right its top.
func viewOf(p Page) view {
	c := p.CropBox
	w, h := c.Width(), c.Height()
	switch p.Rotate {
	case 90:
		return view{matrix{0, 1, -1, 0, c[2], c[1]}, h, w}
	case 180:
		return view{matrix{-1, 0, 0, -1, c[2], c[3]}, w, h}
	case 270:
		return view{matrix{0, -1, 1, 0, c[0], c[3]}, h, w}
	}
	return view{matrix{1, 0, 0, 1, c[0], c[1]}, w, h}
}

// placement is where the band goes on one page and what that took.
type placement struct {
	band  band
	scale float64 // 1: drawn in an empty margin; below 1: content scaled by it
	cm    matrix  // applied to the original content (identity when not scaled)
}

// place decides between the two ways to make room: the top margin, when
// it is measured empty and tall enough for the band at a readable size;
// otherwise the page's content is scaled down about the middle of the
// bottom edge, just enough to free the band's height (anchoring at the
// bottom edge needs the least shrinking). Covering content is never an
// option. content is the measured box in page space; unset means the
// page's content could not be measured, and counts as filling the page.
func place(v view, lines [][]glyph, content box) placement {
	top := v.H
	if content.set {
		if inv, ok := v.disp.invert(); ok {
			var d box
			d.addRect(inv, content.x0, content.y0, content.x1, content.y1)
			d = d.clip(box{0, 0, v.W, v.H, true})
			top = d.y1
			if !d.set {
				top = 0 // nothing visible on the page
			}
		}
	}
	base := baseSize(v.W, v.H)
	free := v.H - top
	for size := base; size >= min(minReadable, base)*0.999; size *= 0.92 {
		b := layoutAt(lines, v.W, size)
		if b.fits() && b.height+b.edge+gapShare*b.size <= free {
			return placement{band: b, scale: 1, cm: identity}
		}
	}
	b := fitted(lines, v.W, v.H, base)
	s := 1.0
	if top > 0 {
		s = min(1, (v.H-b.height-b.edge-gapShare*b.size)/top)
	}
	s = max(s, 0.05)
	toDisp, _ := v.disp.invert()
	shrink := matrix{1, 0, 0, 1, -v.W / 2, 0}.then(matrix{s, 0, 0, s, 0, 0}).then(matrix{1, 0, 0, 1, v.W / 2, 0})
	return placement{band: b, scale: s, cm: toDisp.then(shrink).then(v.disp)}
}

// describe says what was done, for the result's notes.
func (p placement) describe(page int) string {
	if p.scale == 1 {
		return ""
	}
	return fmt.Sprintf("page %d had no empty top margin for the notice: its content was scaled to %.1f%% to make room", page, p.scale*100)
}

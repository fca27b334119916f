package pdf

import (
	"fmt"
	"math"
	"strings"
)

// Band layout, in points. The notice is set at 14 pt on an A4 or Letter
// page (the size of body text in print), in proportion on other sizes,
// and shrinks only to fit; lines wrap at spaces.
const (
	baseFontSize = 14.0
	a4Short      = 595.0
	minFontSize  = 6.0
	minReadable  = 10.0    // the smallest size Belgi shrinks to, to use an empty margin
	padding      = 0.55    // of the font size, inside the band
	borderShare  = 1 / 7.0 // of the font size: 2 pt at 14 pt
	leading      = 1.3
	maxShare     = 0.2 // of the page height the band may take
	// MarkTag names the marked-content sequence the band is drawn in, so
	// that Inspect finds it again.
	MarkTag = "BelgiNotice"
)

// band is the notice laid out for one page.
type band struct {
	lines  [][]glyph
	size   float64
	width  float64 // the band's width, edge to edge
	height float64
	edge   float64 // distance from the page's edges
	border float64
}

// baseSize scales the notice with the page: 14 pt on A4, within 8–48
// pt on paper-sized pages. Pages smaller than a business card are not
// meant for print, and viewers show them zoomed to fit, so there the
// notice keeps its proportion to the page whatever its size in points.
func baseSize(w, h float64) float64 {
	short := min(w, h)
	if short < 150 {
		return baseFontSize * short / a4Short
	}
	return min(max(baseFontSize*short/a4Short, 8), 48)
}

// layoutAt lays the lines out at size, wrapping them to the width.
func layoutAt(lines [][]glyph, w, size float64) band {
	edge := min(12, w*0.02, size)
	b := band{size: size, width: w - 2*edge, edge: edge, border: size * borderShare}
	pad := padding * size
	avail := (b.width - 2*pad - 2*b.border) * 1000 / size
	for _, l := range lines {
		b.lines = append(b.lines, wrapGlyphs(l, avail)...)
	}
	b.height = 2*pad + 2*b.border + float64(len(b.lines))*size*leading - (leading-1)*size
	return b
}

// fits reports whether every line fits the band's width.
func (b band) fits() bool {
	avail := (b.width - 2*padding*b.size - 2*b.border) * 1000 / b.size
	for _, l := range b.lines {
		if float64(width(l)) > avail {
			return false
		}
	}
	return true
}

// wrapGlyphs breaks a line at spaces so that each piece is at most avail
// thousandths of an em wide; a word wider than that stays whole.
func wrapGlyphs(l []glyph, avail float64) [][]glyph {
	var out [][]glyph
	for float64(width(l)) > avail {
		cut := -1
		for i, g := range l {
			if g.r == ' ' && float64(width(l[:i])) <= avail {
				cut = i
			}
		}
		if cut <= 0 {
			break
		}
		out = append(out, l[:cut])
		l = l[cut+1:]
	}
	return append(out, l)
}

// fitted lays the lines out at the largest size from start down that
// fits the width and keeps the band within maxShare of the height.
func fitted(lines [][]glyph, w, h, start float64) band {
	for size := start; ; size *= 0.92 {
		b := layoutAt(lines, w, size)
		if size*0.92 < min(minFontSize, start/2) || b.fits() && b.height <= maxShare*h {
			return b
		}
	}
}

// ops draws the band in display space (origin at the displayed page's
// bottom-left), mapped to the page by disp, at the displayed top.
func (b band) ops(disp matrix, W, H float64, font Name) string {
	var s strings.Builder
	fmt.Fprintf(&s, "/%s BMC\nq\n%s cm\n", MarkTag, fmtMatrix(disp))
	x, top := b.edge, H-b.edge
	bd := b.border
	fmt.Fprintf(&s, "0.067 0.067 0.067 rg\n1 0.831 0 RG\n%s w\n", num(bd))
	fmt.Fprintf(&s, "%s %s %s %s re\nB\n", num(x+bd/2), num(top-b.height+bd/2), num(b.width-bd), num(b.height-bd))
	pad := padding * b.size
	fmt.Fprintf(&s, "BT\n1 1 1 rg\n/%s %s Tf\n%s TL\n", font, num(b.size), num(b.size*leading))
	fmt.Fprintf(&s, "%s %s Td\n", num(x+bd+pad), num(top-bd-pad-b.size*0.76))
	for i, l := range b.lines {
		if i > 0 {
			s.WriteString("T*\n")
		}
		s.WriteString(hexString(l) + " Tj\n")
	}
	s.WriteString("ET\nQ\nEMC\n")
	return s.String()
}

// num writes a coordinate with five decimals at most: enough for the
// smallest pages, short enough to read.
func num(v float64) string {
	return string(appendReal(nil, math.Round(v*1e5)/1e5))
}

func fmtMatrix(m matrix) string {
	parts := make([]string, 6)
	for i, v := range m {
		parts[i] = num(v)
	}
	return strings.Join(parts, " ")
}

package pdf

import (
	"fmt"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Band layout, in points: the notice is at most 14 pt (the size of body
// text in print) and shrinks only to fit a narrow page.
const (
	maxFontSize = 14.0
	minFontSize = 6.0
	padding     = 8.0
	border      = 2.0
	leading     = 1.3
	resName     = "BelgiNotice" // font resource and marked-content tag
)

// band is the notice laid out for one page width.
type band struct {
	lines  [][]glyph
	size   float64 // font size
	height float64
}

func layout(lines [][]glyph, pageWidth float64) band {
	widest := 1
	for _, l := range lines {
		widest = max(widest, width(l))
	}
	size := min(maxFontSize, (pageWidth-2*padding-2*border)*1000/float64(widest))
	size = max(size, minFontSize)
	return band{lines: lines, size: size, height: 2*padding + float64(len(lines))*size*leading}
}

// ops draws the band with its top-left corner at (x, top).
func (b band) ops(x, top, w float64) string {
	var s strings.Builder
	fmt.Fprintf(&s, "/%s BMC\nq\n0.067 0.067 0.067 rg\n1 0.831 0 RG\n%.2f w\n", resName, border)
	fmt.Fprintf(&s, "%.2f %.2f %.2f %.2f re\nB\n", x+border/2, top-b.height+border/2, w-border, b.height-border)
	fmt.Fprintf(&s, "BT\n1 1 1 rg\n/%s %.2f Tf\n%.2f TL\n", resName, b.size, b.size*leading)
	fmt.Fprintf(&s, "%.2f %.2f Td\n", x+padding+border, top-padding-b.size)
	for i, l := range b.lines {
		if i > 0 {
			s.WriteString("T*\n")
		}
		s.WriteString(hexString(l) + " Tj\n")
	}
	s.WriteString("ET\nQ\nEMC\n")
	return s.String()
}

// stampPage grows the page upward by the band's height and draws the
// band there, isolating the original content in q/Q so its graphics
// state cannot leak into the notice.
func stampPage(xt *model.XRefTable, nr int, lines [][]glyph, font *types.IndirectRef) error {
	d, _, inh, err := xt.PageDict(nr, false)
	if err != nil {
		return fmt.Errorf("page %d can't be read (a damaged or truncated PDF?): %w", nr, err)
	}
	media, crop := inh.MediaBox, inh.CropBox
	if media == nil {
		return fmt.Errorf("page %d has no MediaBox", nr)
	}
	visible := media
	if crop != nil {
		visible = crop
	}
	b := layout(lines, visible.Width())
	top := visible.UR.Y + b.height
	d["MediaBox"] = types.NewRectangle(media.LL.X, media.LL.Y, media.UR.X, max(media.UR.Y, top)).Array()
	if crop != nil {
		d["CropBox"] = types.NewRectangle(crop.LL.X, crop.LL.Y, crop.UR.X, top).Array()
	}
	if err := addFont(xt, d, inh, font); err != nil {
		return fmt.Errorf("page %d: %w", nr, err)
	}
	return wrapContents(xt, d, "q\n", "Q\n"+b.ops(visible.LL.X, top, visible.Width()))
}

// addFont gives the page its own resources with the notice font added,
// so resources shared with other pages are not changed.
func addFont(xt *model.XRefTable, page types.Dict, inh *model.InheritedPageAttrs, font *types.IndirectRef) error {
	res := inh.Resources
	if o, ok := page.Find("Resources"); ok {
		r, err := xt.DereferenceDict(o)
		if err != nil {
			return err
		}
		res = r
	}
	if res == nil {
		res = types.Dict{}
	}
	res = res.Clone().(types.Dict)
	fonts := types.Dict{}
	if o, ok := res.Find("Font"); ok {
		f, err := xt.DereferenceDict(o)
		if err != nil {
			return err
		}
		if f != nil {
			fonts = f.Clone().(types.Dict)
		}
	}
	fonts[resName] = *font
	res["Font"] = fonts
	page["Resources"] = res
	return nil
}

// wrapContents puts before and after around the page's content streams.
func wrapContents(xt *model.XRefTable, page types.Dict, before, after string) error {
	var streams types.Array
	if o, ok := page.Find("Contents"); ok {
		obj, err := xt.Dereference(o)
		if err != nil {
			return err
		}
		if a, isArray := obj.(types.Array); isArray {
			streams = append(streams, a...)
		} else if obj != nil {
			streams = append(streams, o)
		}
	}
	pre, err := contentRef(xt, before)
	if err != nil {
		return err
	}
	post, err := contentRef(xt, after)
	if err != nil {
		return err
	}
	page["Contents"] = append(append(types.Array{*pre}, streams...), *post)
	return nil
}

func contentRef(xt *model.XRefTable, ops string) (*types.IndirectRef, error) {
	sd, err := xt.NewStreamDictForBuf([]byte(ops))
	if err != nil {
		return nil, err
	}
	return streamRef(xt, sd)
}

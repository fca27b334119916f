package pdf

import (
	"errors"
	"fmt"
)

// Page is one page with the attributes it inherits from the page tree.
type Page struct {
	Ref  Ref
	Dict Dict
	// Resources is the effective resource dictionary, resolved.
	Resources Dict
	// MediaBox and CropBox are normalised (llx < urx, lly < ury); CropBox
	// is clipped to MediaBox and defaults to it.
	MediaBox, CropBox Rect
	Rotate            int // 0, 90, 180 or 270
}

// Rect is a rectangle [llx lly urx ury].
type Rect [4]float64

// Width and Height of r.
func (r Rect) Width() float64  { return r[2] - r[0] }
func (r Rect) Height() float64 { return r[3] - r[1] }

// maxPages bounds the page tree walk.
const maxPages = 1 << 20

// inherited are the attributes a page takes from its ancestors.
type inherited struct {
	resources, mediaBox, cropBox, rotate Object
}

// Pages walks the page tree in order.
func (f *File) Pages() ([]Page, error) {
	root := f.Catalog().Get("Pages")
	var pages []Page
	seen := map[Ref]bool{}
	err := f.walk(root, inherited{}, seen, &pages, 0)
	if err != nil {
		return nil, fmt.Errorf("the page tree is damaged: %w", err)
	}
	if len(pages) == 0 {
		return nil, errors.New("the PDF has no pages")
	}
	return pages, nil
}

func (f *File) walk(node Object, inh inherited, seen map[Ref]bool, pages *[]Page, depth int) error {
	ref, ok := node.(Ref)
	if !ok {
		return errors.New("a page or page-tree node is not an indirect object")
	}
	if seen[ref] || depth > 64 || len(*pages) >= maxPages {
		return errors.New("the page tree loops or is too deep")
	}
	seen[ref] = true
	d, ok := f.Resolve(ref).(Dict)
	if !ok {
		return fmt.Errorf("object %d is not a page", ref.Num)
	}
	for _, k := range []struct {
		key Name
		dst *Object
	}{{"Resources", &inh.resources}, {"MediaBox", &inh.mediaBox}, {"CropBox", &inh.cropBox}, {"Rotate", &inh.rotate}} {
		if d.Has(k.key) {
			*k.dst = d.Get(k.key)
		}
	}
	kids, isNode := f.Resolve(d.Get("Kids")).(Array)
	if NameOf(d.Get("Type")) == "Page" || !isNode {
		*pages = append(*pages, f.page(ref, d, inh))
		return nil
	}
	for _, k := range kids {
		if err := f.walk(k, inh, seen, pages, depth+1); err != nil {
			return err
		}
	}
	return nil
}

func (f *File) page(ref Ref, d Dict, inh inherited) Page {
	p := Page{Ref: ref, Dict: d}
	p.Resources, _ = f.Resolve(inh.resources).(Dict)
	var ok bool
	if p.MediaBox, ok = f.rect(inh.mediaBox); !ok {
		p.MediaBox = Rect{0, 0, 612, 792} // US Letter, what viewers assume
	}
	p.CropBox = p.MediaBox
	if c, ok := f.rect(inh.cropBox); ok {
		p.CropBox = Rect{max(c[0], p.MediaBox[0]), max(c[1], p.MediaBox[1]), min(c[2], p.MediaBox[2]), min(c[3], p.MediaBox[3])}
		if p.CropBox.Width() <= 0 || p.CropBox.Height() <= 0 {
			p.CropBox = p.MediaBox
		}
	}
	r, _ := intOf(f.Resolve(inh.rotate))
	p.Rotate = ((r%360)/90*90 + 360) % 360
	return p
}

// rect reads a rectangle and normalises its corners.
func (f *File) rect(o Object) (Rect, bool) {
	a, ok := f.Resolve(o).(Array)
	if !ok || len(a) != 4 {
		return Rect{}, false
	}
	var r Rect
	for i := range r {
		v, ok := number(f.Resolve(a[i]))
		if !ok {
			return Rect{}, false
		}
		r[i] = v
	}
	r = Rect{min(r[0], r[2]), min(r[1], r[3]), max(r[0], r[2]), max(r[1], r[3])}
	return r, r.Width() > 0 && r.Height() > 0
}

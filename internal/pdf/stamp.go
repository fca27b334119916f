package pdf

import (
	"bytes"
	"strconv"
	"strings"
)

// stamper adds the band to pages of one document.
type stamper struct {
	f     *File
	u     *update
	lines [][]glyph
	font  Ref
}

// stamp gives page p a band. The original content streams stay as they
// are: a new stream before them opens a graphics state (and scales the
// content when the band needs room) and one after them closes it and
// draws the band, so nothing the page set up can leak into the band.
func (s *stamper) stamp(p Page) (placement, error) {
	streams, err := s.f.pageContent(p.Dict)
	if err != nil {
		streams = nil // undecodable content: measured as filling the page
	}
	var content box
	if err == nil {
		content, err = s.f.measurePage(p)
		if err != nil {
			content = box{}
		}
	}
	v := viewOf(p)
	pl := place(v, s.lines, content)
	font := freshName(s.f, p.Resources, "Font", MarkTag)
	pre := "q\n"
	if pl.scale != 1 {
		pre += fmtMatrix(pl.cm) + " cm\n"
	}
	post := strings.Repeat("Q\n", 1+openStates(bytes.Join(streams, []byte("\n")))) + pl.band.ops(v.disp, v.W, v.H, font)
	contents := Array{s.u.add(&Stream{Raw: []byte(pre)})}
	contents = append(contents, s.contentRefs(p.Dict)...)
	contents = append(contents, s.u.add(&Stream{Raw: []byte(post)}))
	page, ok := s.u.current(p.Ref).(Dict)
	if !ok {
		page = p.Dict
	}
	d := page.With("Contents", contents).With("Resources", s.resources(p.Resources, font)).Without("Thumb")
	if pl.scale != 1 {
		d = s.moveAnnots(d, pl.cm)
	}
	s.u.set(p.Ref, d)
	return pl, nil
}

// contentRefs lists the page's content streams as references.
func (s *stamper) contentRefs(page Dict) Array {
	c := page.Get("Contents")
	if a, ok := s.f.Resolve(c).(Array); ok {
		return a
	}
	if _, ok := c.(Ref); ok {
		return Array{c}
	}
	return nil
}

// resources is the page's effective resources (its own or inherited,
// direct or not) as a new direct dictionary with the notice font added
// under name; shared dictionaries are left as they are.
func (s *stamper) resources(res Dict, name Name) Dict {
	fonts, _ := s.f.Resolve(res.Get("Font")).(Dict)
	return res.With("Font", fonts.With(name, s.font))
}

// freshName is base, or base with a number, unused in the category.
func freshName(f *File, res Dict, category Name, base string) Name {
	used, _ := f.Resolve(res.Get(category)).(Dict)
	name := Name(base)
	for i := 1; used.Has(name); i++ {
		name = Name(base + strconv.Itoa(i))
	}
	return name
}

// openStates counts the q operators content leaves unclosed, so the band
// can close them all and start from the page's default state.
func openStates(content []byte) int {
	depth := 0
	_ = eachOp(content, func(o op) bool {
		switch o.name {
		case "q":
			depth++
		case "Q":
			depth = max(0, depth-1)
		}
		return true
	})
	return depth
}

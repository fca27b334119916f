package pdf

import (
	"bytes"
	"errors"
)

// measurer finds where a page's content can paint: a box in default user
// space that holds every mark, or more. It errs on the large side —
// control points, FontBBox-high glyphs, line widths added whole — since
// the only use of the box is to know which margin is surely empty.
type measurer struct {
	f     *File
	box   box
	gs    gstate
	stack []gstate
	path  box
	clipW bool // W or W* seen: the next painting operator clips
	text  textState
	ops   int
	forms map[Ref]box // a form's box in its own space, measured once
	fonts map[Object]*fontMetrics
	depth int
}

// maxStack bounds nested q operators; real content stays far below.
const maxStack = 10000

type gstate struct {
	ctm       matrix
	clip      box
	lineWidth float64
	fillWhite bool // the fill colour is white: painting it hides nothing new
	res       Dict
	textMode  int
	font      *fontMetrics
	fontSize  float64
	charSpace float64
	wordSpace float64
	hscale    float64
	leading   float64
	rise      float64
}

var errMeasure = errors.New("the page's content is too complex to measure")

// measurePage returns the box a page's content and annotations can
// paint in default user space.
func (f *File) measurePage(p Page) (box, error) {
	streams, err := f.pageContent(p.Dict)
	if err != nil {
		return box{}, err
	}
	m := &measurer{f: f, forms: map[Ref]box{}, fonts: map[Object]*fontMetrics{}}
	m.gs = gstate{ctm: identity, lineWidth: 1, res: p.Resources, hscale: 1}
	if err := m.run(bytes.Join(streams, []byte("\n"))); err != nil {
		return box{}, err
	}
	m.addAnnots(p.Dict)
	return m.box, nil
}

func (m *measurer) run(content []byte) error {
	var err error
	walkErr := eachOp(content, func(o op) bool {
		if m.ops++; m.ops > maxOps {
			err = errMeasure
			return false
		}
		err = m.do(o)
		return err == nil
	})
	if walkErr != nil {
		return walkErr
	}
	return err
}

func (m *measurer) do(o op) error {
	switch o.name {
	case "q":
		if len(m.stack) >= maxStack {
			return errMeasure
		}
		m.stack = append(m.stack, m.gs)
	case "Q":
		if n := len(m.stack); n > 0 {
			m.gs, m.stack = m.stack[n-1], m.stack[:n-1]
		}
	case "cm":
		if t, ok := matrixOf(o.args); ok {
			m.gs.ctm = t.then(m.gs.ctm)
		}
	case "w":
		if v, ok := lastNumber(o.args); ok {
			m.gs.lineWidth = v
		}
	case "g", "rg", "k":
		m.gs.fillWhite = isWhite(o.name, o.args)
	case "cs", "sc", "scn":
		m.gs.fillWhite = false
	case "Do":
		return m.xobject(o.args)
	case "BI":
		m.paint(unitSquare(m.gs.ctm))
	case "sh":
		m.paintClip()
	default:
		if m.pathOp(o) || m.paintOp(o.name) {
			return nil
		}
		m.textOp(o)
	}
	return nil
}

func lastNumber(args []Object) (float64, bool) {
	if len(args) == 0 {
		return 0, false
	}
	return number(args[len(args)-1])
}

func isWhite(name keyword, args []Object) bool {
	want := map[keyword][]float64{"g": {1}, "rg": {1, 1, 1}, "k": {0, 0, 0, 0}}[name]
	if len(args) != len(want) {
		return false
	}
	for i, a := range args {
		if v, ok := number(a); !ok || v != want[i] {
			return false
		}
	}
	return true
}

func unitSquare(ctm matrix) box {
	var b box
	b.addRect(ctm, 0, 0, 1, 1)
	return b
}

// paint adds what was painted, inside the current clip.
func (m *measurer) paint(b box) { m.box.union(b.clip(m.gs.clip)) }

// paintClip paints the whole clip region (a shading fill); with no
// clip that is everything, which measures as unknown.
func (m *measurer) paintClip() {
	if !m.gs.clip.set {
		m.box.add(-1e9, -1e9)
		m.box.add(1e9, 1e9)
		return
	}
	m.box.union(m.gs.clip)
}

func (m *measurer) pathOp(o op) bool {
	var pts []float64
	for _, a := range o.args {
		if v, ok := number(a); ok {
			pts = append(pts, v)
		}
	}
	switch o.name {
	case "m", "l", "c", "v", "y":
		for i := 0; i+1 < len(pts); i += 2 {
			m.path.add(m.gs.ctm.apply(pts[i], pts[i+1]))
		}
	case "re":
		if len(pts) == 4 {
			m.path.addRect(m.gs.ctm, pts[0], pts[1], pts[0]+pts[2], pts[1]+pts[3])
		}
	case "h":
	case "W", "W*":
		m.clipW = true
	default:
		return false
	}
	return true
}

func (m *measurer) paintOp(name keyword) bool {
	switch name {
	case "f", "F", "f*":
		if !m.gs.fillWhite {
			m.paint(m.path)
		}
	case "S", "s", "B", "B*", "b", "b*":
		m.paint(m.path.grow(m.gs.lineWidth * m.gs.ctm.scale()))
	case "n":
	default:
		return false
	}
	if m.clipW {
		c := m.path
		if m.gs.clip.set {
			c = c.clip(m.gs.clip)
		}
		m.gs.clip, m.clipW = c, false
	}
	m.path = box{}
	return true
}

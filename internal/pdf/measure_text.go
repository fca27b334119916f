package pdf

import "strings"

// textState is the text and line matrix inside BT … ET.
type textState struct{ tm, tlm matrix }

// fontMetrics is what measuring needs of a font: advance widths and the
// glyphs' height, in text space units per 1 of font size.
type fontMetrics struct {
	widths   map[int]float64
	fallback float64 // a code with no width gets the widest
	twoByte  bool
	vertical bool
	ascent   float64
	descent  float64
}

func (m *measurer) textOp(o op) {
	gs := &m.gs
	switch o.name {
	case "BT":
		m.text = textState{identity, identity}
	case "Tf":
		if len(o.args) == 2 {
			gs.font = m.font(NameOf(o.args[0]))
			gs.fontSize, _ = number(o.args[1])
		}
	case "Tc", "Tw", "Tz", "TL", "Ts", "Tr":
		m.textParam(o)
	case "Td", "TD":
		if x, y, ok := pair(o.args); ok {
			if o.name == "TD" {
				gs.leading = -y
			}
			m.text.tlm = matrix{1, 0, 0, 1, x, y}.then(m.text.tlm)
			m.text.tm = m.text.tlm
		}
	case "Tm":
		if t, ok := matrixOf(o.args); ok {
			m.text = textState{t, t}
		}
	case "T*":
		m.nextLine()
	case "Tj", "TJ", "'", "\"":
		m.show(o)
	}
}

func (m *measurer) textParam(o op) {
	v, ok := lastNumber(o.args)
	if !ok {
		return
	}
	switch o.name {
	case "Tc":
		m.gs.charSpace = v
	case "Tw":
		m.gs.wordSpace = v
	case "Tz":
		m.gs.hscale = v / 100
	case "TL":
		m.gs.leading = v
	case "Ts":
		m.gs.rise = v
	case "Tr":
		m.gs.textMode = int(v)
	}
}

func pair(args []Object) (float64, float64, bool) {
	if len(args) != 2 {
		return 0, 0, false
	}
	x, ok1 := number(args[0])
	y, ok2 := number(args[1])
	return x, y, ok1 && ok2
}

func (m *measurer) nextLine() {
	m.text.tlm = matrix{1, 0, 0, 1, 0, -m.gs.leading}.then(m.text.tlm)
	m.text.tm = m.text.tlm
}

// show measures one text-showing operator and advances the text matrix.
func (m *measurer) show(o op) {
	if o.name == "'" || o.name == "\"" {
		if o.name == "\"" && len(o.args) == 3 {
			m.gs.wordSpace, _ = number(o.args[0])
			m.gs.charSpace, _ = number(o.args[1])
		}
		m.nextLine()
	}
	if len(o.args) == 0 {
		return
	}
	items, ok := o.args[len(o.args)-1].(Array)
	if !ok {
		items = Array{o.args[len(o.args)-1]}
	}
	fm := m.gs.font
	if fm == nil {
		fm = &fontMetrics{fallback: 1, ascent: 1, descent: -0.3}
	}
	size, th := m.gs.fontSize, m.gs.hscale
	adv := 0.0
	for _, it := range items {
		switch v := it.(type) {
		case String:
			adv += m.advance(fm, v.B)
		default:
			if n, ok := number(v); ok {
				adv -= n / 1000 * size * th
			}
		}
	}
	if m.gs.textMode != 3 && m.gs.textMode != 7 { // invisible and clip-only text paint nothing
		var b box
		trm := m.text.tm.then(m.gs.ctm)
		if fm.vertical {
			b.addRect(trm, -size, adv-size, size, size)
		} else {
			b.addRect(trm, min(0, adv), fm.descent*size+m.gs.rise, max(0, adv), fm.ascent*size+m.gs.rise)
		}
		m.paint(b)
	}
	if fm.vertical {
		m.text.tm = matrix{1, 0, 0, 1, 0, adv}.then(m.text.tm)
	} else {
		m.text.tm = matrix{1, 0, 0, 1, adv, 0}.then(m.text.tm)
	}
}

// advance is the width of s in text space, spacing included.
func (m *measurer) advance(fm *fontMetrics, s []byte) float64 {
	size, th := m.gs.fontSize, m.gs.hscale
	step := 1
	if fm.twoByte {
		step = 2
	}
	adv := 0.0
	for i := 0; i+step <= len(s); i += step {
		code := int(s[i])
		if step == 2 {
			code = code<<8 | int(s[i+1])
		}
		w, ok := fm.widths[code]
		if !ok {
			w = fm.fallback
		}
		adv += (w*size + m.gs.charSpace) * th
		if step == 1 && code == 32 {
			adv += m.gs.wordSpace * th
		}
	}
	return adv
}

// font reads the metrics of a font resource, conservatively: unknown
// widths are the font's widest, heights at least an em.
func (m *measurer) font(name Name) *fontMetrics {
	fonts, _ := m.f.Resolve(m.gs.res.Get("Font")).(Dict)
	key := fonts.Get(name)
	if _, isRef := key.(Ref); !isRef {
		key = name // a direct font dictionary: one per name is close enough
	}
	if fm, ok := m.fonts[key]; ok {
		return fm
	}
	fm := m.readFont(m.f.Resolve(fonts.Get(name)))
	m.fonts[key] = fm
	return fm
}

func (m *measurer) readFont(o Object) *fontMetrics {
	d, _ := o.(Dict)
	fm := &fontMetrics{widths: map[int]float64{}, fallback: 1, ascent: 1, descent: -0.3}
	scale := 0.001
	if fmx, ok := m.f.Resolve(d.Get("FontMatrix")).(Array); ok && len(fmx) == 6 {
		if v, ok := number(fmx[0]); ok && v > 0 {
			scale = v
		}
	}
	desc := d
	if NameOf(d.Get("Subtype")) == "Type0" {
		fm.twoByte = true
		fm.vertical = strings.HasSuffix(string(NameOf(m.f.Resolve(d.Get("Encoding")))), "-V")
		kids, _ := m.f.Resolve(d.Get("DescendantFonts")).(Array)
		if len(kids) > 0 {
			desc, _ = m.f.Resolve(kids[0]).(Dict)
		}
		m.cidWidths(fm, desc, scale)
	} else {
		m.simpleWidths(fm, d, scale)
	}
	m.heights(fm, d, desc, scale)
	return fm
}

func (m *measurer) simpleWidths(fm *fontMetrics, d Dict, scale float64) {
	first, _ := intOf(m.f.Resolve(d.Get("FirstChar")))
	ws, _ := m.f.Resolve(d.Get("Widths")).(Array)
	widest := 0.0
	for i, w := range ws {
		if v, ok := number(m.f.Resolve(w)); ok {
			fm.widths[first+i] = v * scale
			widest = max(widest, v*scale)
		}
	}
	if widest > 0 {
		fm.fallback = widest
	}
}

func (m *measurer) cidWidths(fm *fontMetrics, d Dict, scale float64) {
	widest := 1.0
	if dw, ok := number(m.f.Resolve(d.Get("DW"))); ok {
		widest = max(dw*scale, 0)
	}
	w, _ := m.f.Resolve(d.Get("W")).(Array)
	for i := 0; i+1 < len(w) && len(fm.widths) < 1<<16; {
		first, ok := intOf(m.f.Resolve(w[i]))
		if !ok {
			return
		}
		if list, isList := m.f.Resolve(w[i+1]).(Array); isList {
			for j, v := range list {
				if n, ok := number(m.f.Resolve(v)); ok {
					fm.widths[first+j] = n * scale
					widest = max(widest, n*scale)
				}
			}
			i += 2
			continue
		}
		if i+2 >= len(w) {
			return
		}
		last, _ := intOf(m.f.Resolve(w[i+1]))
		n, _ := number(m.f.Resolve(w[i+2]))
		for c := first; c <= last && c-first < 1<<16; c++ {
			fm.widths[c] = n * scale
		}
		widest = max(widest, n*scale)
		i += 3
	}
	fm.fallback = widest
}

// heights takes ascent and descent from the FontBBox, never less than
// an em above the baseline and 0.3 em below.
func (m *measurer) heights(fm *fontMetrics, font, desc Dict, scale float64) {
	fd, _ := m.f.Resolve(desc.Get("FontDescriptor")).(Dict)
	bb, ok := m.f.rect(fd.Get("FontBBox"))
	if !ok {
		bb, ok = m.f.rect(font.Get("FontBBox"))
	}
	if ok {
		fm.ascent = max(fm.ascent, bb[3]*scale)
		fm.descent = min(fm.descent, bb[1]*scale)
	}
}

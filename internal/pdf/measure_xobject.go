package pdf

// maxFormDepth bounds forms drawing forms; deeper ones count as their
// whole bounding box.
const maxFormDepth = 12

// xobject measures "Do": an image is the unit square, a form is what
// its content paints (measured once per form, in the form's space),
// clipped to its /BBox.
func (m *measurer) xobject(args []Object) error {
	if len(args) != 1 {
		return nil
	}
	xobjs, _ := m.f.Resolve(m.gs.res.Get("XObject")).(Dict)
	ref := xobjs.Get(NameOf(args[0]))
	s, ok := m.f.Resolve(ref).(*Stream)
	if !ok {
		return nil
	}
	switch NameOf(s.Dict.Get("Subtype")) {
	case "Image":
		m.paint(unitSquare(m.gs.ctm))
	case "Form":
		b, err := m.formBox(ref, s)
		if err != nil {
			return err
		}
		fm, ok := matrixOf(arrayArgs(m.f.Resolve(s.Dict.Get("Matrix"))))
		if !ok {
			fm = identity
		}
		var out box
		if b.set {
			out.addRect(fm.then(m.gs.ctm), b.x0, b.y0, b.x1, b.y1)
		}
		m.paint(out)
	}
	return nil
}

func arrayArgs(o Object) []Object {
	a, _ := o.(Array)
	return a
}

// formBox is the box a form paints in its own space: its content's box,
// clipped to /BBox; the /BBox itself when the form is nested too deep.
func (m *measurer) formBox(ref Object, s *Stream) (box, error) {
	r, isRef := ref.(Ref)
	if b, ok := m.forms[r]; ok && isRef {
		return b, nil
	}
	var bbox box
	if bb, ok := m.f.rect(s.Dict.Get("BBox")); ok {
		bbox = box{bb[0], bb[1], bb[2], bb[3], true}
	}
	out := bbox
	if m.depth < maxFormDepth {
		data, err := decode(s.Dict, s.Raw, m.f)
		if err != nil {
			return box{}, err
		}
		sub := &measurer{f: m.f, forms: m.forms, fonts: m.fonts, depth: m.depth + 1, ops: m.ops}
		res, ok := m.f.Resolve(s.Dict.Get("Resources")).(Dict)
		if !ok {
			res = m.gs.res
		}
		sub.gs = gstate{ctm: identity, lineWidth: 1, res: res, hscale: 1, clip: bbox}
		if isRef {
			m.forms[r] = bbox // a form drawing itself counts as its box
		}
		if err := sub.run(data); err != nil {
			return box{}, err
		}
		m.ops = sub.ops
		out = sub.box.clip(bbox)
	}
	if isRef {
		m.forms[r] = out
	}
	return out, nil
}

// addAnnots adds the rectangles of annotations a viewer shows: all but
// hidden ones and pop-ups, which open on demand.
func (m *measurer) addAnnots(page Dict) {
	annots, _ := m.f.Resolve(page.Get("Annots")).(Array)
	for _, a := range annots {
		d, ok := m.f.Resolve(a).(Dict)
		if !ok || NameOf(d.Get("Subtype")) == "Popup" {
			continue
		}
		if flags, _ := intOf(m.f.Resolve(d.Get("F"))); flags&2 != 0 {
			continue
		}
		if r, ok := m.f.rect(d.Get("Rect")); ok {
			m.box.addRect(identity, r[0], r[1], r[2], r[3])
		}
	}
}

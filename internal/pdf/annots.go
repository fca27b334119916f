package pdf

// moveAnnots applies cm, the scaling given to a page's content, to its
// annotations, so that links, comments and form fields stay on what
// they belong to. Each annotation is rewritten in place (same object
// number), so form fields keep their values and their /Parent.
func (s *stamper) moveAnnots(page Dict, cm matrix) Dict {
	annots, ok := s.f.Resolve(page.Get("Annots")).(Array)
	if !ok {
		return page
	}
	out := make(Array, len(annots))
	direct := false
	for i, a := range annots {
		out[i] = a
		d, ok := s.f.Resolve(a).(Dict)
		if r, isRef := a.(Ref); isRef {
			d, ok = s.u.current(r).(Dict)
		}
		if !ok {
			continue
		}
		moved := moveAnnot(s.f, d, cm)
		if r, isRef := a.(Ref); isRef {
			s.u.set(r, moved)
			continue
		}
		out[i], direct = moved, true
	}
	if direct {
		return page.With("Annots", out)
	}
	return page
}

// moveAnnot transforms the coordinates an annotation dictionary holds.
func moveAnnot(f *File, d Dict, cm matrix) Dict {
	if r, ok := f.rect(d.Get("Rect")); ok {
		var b box
		b.addRect(cm, r[0], r[1], r[2], r[3])
		d = d.With("Rect", Array{b.x0, b.y0, b.x1, b.y1})
	}
	for _, k := range []Name{"QuadPoints", "Vertices", "L", "CL"} {
		if a, ok := f.Resolve(d.Get(k)).(Array); ok {
			d = d.With(k, movePoints(f, a, cm))
		}
	}
	if ink, ok := f.Resolve(d.Get("InkList")).(Array); ok {
		moved := make(Array, len(ink))
		for i, path := range ink {
			p, _ := f.Resolve(path).(Array)
			moved[i] = movePoints(f, p, cm)
		}
		d = d.With("InkList", moved)
	}
	return d
}

// movePoints transforms a flat array of x y pairs.
func movePoints(f *File, a Array, cm matrix) Array {
	out := make(Array, len(a))
	copy(out, a)
	for i := 0; i+1 < len(a); i += 2 {
		x, ok1 := number(f.Resolve(a[i]))
		y, ok2 := number(f.Resolve(a[i+1]))
		if ok1 && ok2 {
			out[i], out[i+1] = cm.apply(x, y)
		}
	}
	return out
}

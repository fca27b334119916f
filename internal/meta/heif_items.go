package meta

import "errors"

// readItems reads iinf (what each item is) and iloc (where it is).
func readItems(boxes []bmffBox) (map[int]heifItem, error) {
	items := map[int]heifItem{}
	iinf, ok := child(boxes, "iinf")
	if !ok {
		return nil, errors.New("no iinf box")
	}
	r := &reader{b: iinf.data}
	v, _ := r.full()
	r.id(v) // entry count: the boxes themselves say
	infes, _ := walkBoxes(iinf.data[r.p:], iinf.off+r.p)
	for _, b := range infes {
		if b.typ != "infe" {
			continue
		}
		id, it := readInfe(b.data)
		items[id] = it
	}
	if iloc, ok := child(boxes, "iloc"); ok {
		readIloc(iloc.data, items)
	}
	return items, nil
}

// readInfe reads an item info entry (versions 2 and 3 are what HEIF uses).
func readInfe(b []byte) (int, heifItem) {
	r := &reader{b: b}
	v, _ := r.full()
	if v < 2 {
		return -1, heifItem{}
	}
	id := r.id(v - 2)
	r.u16() // protection index
	it := heifItem{typ: string(r.b[r.p:min(r.p+4, len(r.b))])}
	r.n(4)
	r.cstring() // name
	if it.typ == "mime" {
		it.mime = r.cstring()
	}
	return id, it
}

// readIloc fills in each item's extents.
func readIloc(b []byte, items map[int]heifItem) {
	r := &reader{b: b}
	v, _ := r.full()
	sizes := r.u16()
	offSize, lenSize, baseSize, idxSize := sizes>>12, sizes>>8&15, sizes>>4&15, sizes&15
	if v == 0 {
		idxSize = 0
	}
	wide := 0 // item IDs and the count are 32-bit from version 2
	if v >= 2 {
		wide = 1
	}
	count := r.id(wide)
	for i := 0; i < count && !r.bad; i++ {
		id := r.id(wide)
		method := 0
		if v == 1 || v == 2 {
			method = r.u16() & 15
		}
		r.u16() // data reference index
		base := r.n(baseSize)
		n := r.u16()
		var ext [][2]uint64
		for e := 0; e < n && !r.bad; e++ {
			r.n(idxSize)
			off, length := r.n(offSize), r.n(lenSize)
			ext = append(ext, [2]uint64{base + off, length})
		}
		it := items[id]
		it.extents, it.idat = ext, method == 1
		items[id] = it
	}
}

// readPrimary reads pitm: the primary picture's item ID.
func readPrimary(boxes []bmffBox) int {
	b, ok := child(boxes, "pitm")
	if !ok {
		return -1
	}
	r := &reader{b: b.data}
	v, _ := r.full()
	return r.id(v)
}

// readProps reads ipco (the properties, 1-based) and ipma (which item
// has which), recording each item's property indices.
func readProps(boxes []bmffBox, items map[int]heifItem) []bmffBox {
	iprp, ok := child(boxes, "iprp")
	if !ok {
		return nil
	}
	in, _ := walkBoxes(iprp.data, iprp.off)
	ipco, _ := child(in, "ipco")
	props, _ := walkBoxes(ipco.data, ipco.off)
	for _, b := range in {
		if b.typ == "ipma" {
			readIpma(b.data, items)
		}
	}
	return props
}

func readIpma(b []byte, items map[int]heifItem) {
	r := &reader{b: b}
	v, flags := r.full()
	n := int(r.u32())
	for i := 0; i < n && !r.bad; i++ {
		id := r.id(v)
		it := items[id]
		for k, c := 0, r.u8(); k < c && !r.bad; k++ {
			if flags&1 != 0 {
				it.props = append(it.props, r.u16()&0x7FFF)
			} else {
				it.props = append(it.props, r.u8()&0x7F)
			}
		}
		if _, ok := items[id]; ok {
			items[id] = it
		}
	}
}

// readRefs reads iref: for each reference type, from item to items.
func readRefs(boxes []bmffBox) map[string]map[int][]int {
	out := map[string]map[int][]int{}
	b, ok := child(boxes, "iref")
	if !ok || len(b.data) < 4 {
		return out
	}
	v := int(b.data[0])
	refs, _ := walkBoxes(b.data[4:], b.off+4)
	for _, ref := range refs {
		r := &reader{b: ref.data}
		from := r.id(v)
		if out[ref.typ] == nil {
			out[ref.typ] = map[int][]int{}
		}
		for k, n := 0, r.u16(); k < n && !r.bad; k++ {
			out[ref.typ][from] = append(out[ref.typ][from], r.id(v))
		}
	}
	return out
}

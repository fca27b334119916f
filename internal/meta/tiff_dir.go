package meta

import (
	"bytes"
	"fmt"
	"slices"
)

// tiffDir is a directory carried from a source TIFF: its fields, values
// in the source's byte order, and the sub-directories its pointer fields
// lead to. Pointers are not kept as values: the writer relocates each
// sub-directory and points at wherever it lands.
type tiffDir struct {
	Tags []TIFFTag
	subs []tiffSub
}

// tiffSub is a sub-directory and the field that points to it.
type tiffSub struct {
	tag uint16
	dir *tiffDir
}

// TIFF directory pointers this package relocates (TIFF/EP and EXIF 2.3).
const (
	tagExifIFD    = 34665
	tagGPSIFD     = 34853
	tagInteropIFD = 40965
	tagMakerNote  = 37500
	tagPhotoshop  = 34377
)

// maxSubDepth bounds the pointer chain (IFD0 → EXIF → Interop), so that a
// directory pointing back at its parent cannot loop.
const maxSubDepth = 2

// tiffLayout are the IFD0 fields that describe how the pixels are
// stored. The encoder writes its own; the source's would be wrong.
var tiffLayout = map[uint16]bool{
	254: true, 255: true, 256: true, 257: true, 258: true, 259: true, 262: true, 263: true,
	264: true, 265: true, 266: true, 273: true, 277: true, 278: true, 279: true, 280: true,
	281: true, 284: true, 290: true, 291: true, 292: true, 293: true, 297: true, 317: true,
	320: true, 322: true, 323: true, 324: true, 325: true, 332: true, 333: true, 334: true,
	336: true, 338: true, 339: true, 340: true, 341: true, 347: true, 512: true, 513: true,
	514: true, 515: true, 517: true, 518: true, 519: true, 520: true, 521: true, 529: true,
	530: true, 531: true, 532: true,
}

// tiffDropped are IFD0 fields left out on purpose, with the reason.
var tiffDropped = map[uint16]string{
	330:    "TIFF reduced-resolution images (SubIFDs) dropped: they showed the picture without its label",
	37724:  "Photoshop layer data (ImageSourceData) dropped: it held the picture without its label",
	0xCD41: "C2PA manifest (TIFF tag 52545) dropped: its hash binding no longer matches; carry it as an ingredient",
}

// isPointer reports whether tag links a sub-directory this package reads.
func isPointer(tag uint16) bool {
	return tag == tagExifIFD || tag == tagGPSIFD || tag == tagInteropIFD
}

// dirName names a sub-directory in notes.
func dirName(tag uint16) string {
	switch tag {
	case tagExifIFD:
		return "EXIF"
	case tagGPSIFD:
		return "GPS"
	}
	return "EXIF interoperability"
}

// carry adds one field to d: a value copied out of t, or the directory a
// pointer leads to. Fields that cannot be read are noted and left out.
func (d *tiffDir) carry(t tiffData, e ifdEntry, depth int, notes *noteSet) {
	if isPointer(e.Tag) {
		d.carrySub(t, e, depth, notes)
		return
	}
	if e.Type == 13 {
		notes.add(fmt.Sprintf("TIFF tag %d dropped: it points to a directory Belgi does not know", e.Tag))
		return
	}
	v, err := t.value(e)
	if err != nil {
		notes.add(fmt.Sprintf("TIFF tag %d dropped: %v", e.Tag, err))
		return
	}
	v = withoutPictures(e, bytes.Clone(v), notes)
	d.Tags = append(d.Tags, TIFFTag{Tag: e.Tag, Type: e.Type, Count: uint32(len(v) / typeSize(e.Type)), Value: v})
}

// carrySub reads the directory a pointer field leads to.
func (d *tiffDir) carrySub(t tiffData, e ifdEntry, depth int, notes *noteSet) {
	off, ok := t.uint(e)
	if e.Type == 13 && e.Count == 1 {
		off, ok = t.order.Uint32(t.b[e.pos+8:]), true
	}
	if !ok || depth >= maxSubDepth {
		notes.add(fmt.Sprintf("TIFF %s directory dropped: its pointer is malformed or nested too deep", dirName(e.Tag)))
		return
	}
	es, _, err := t.entries(off)
	if err != nil {
		notes.add(fmt.Sprintf("TIFF %s directory dropped: %v", dirName(e.Tag), err))
		return
	}
	sub := &tiffDir{}
	for _, x := range es {
		sub.carry(t, x, depth+1, notes)
	}
	d.subs = append(d.subs, tiffSub{tag: e.Tag, dir: sub})
}

// withoutPictures erases any copy of the unlabeled picture a byte-valued
// field holds: Photoshop thumbnail resources are removed, and embedded
// JPEGs (maker-note previews) are overwritten with zeros.
func withoutPictures(e ifdEntry, v []byte, notes *noteSet) []byte {
	if e.Type != 1 && e.Type != 7 {
		return v
	}
	if e.Tag == tagPhotoshop {
		out, removed := dropResources(v, psThumb4, psThumb5)
		if removed {
			notes.add("Photoshop thumbnail removed: it showed the picture without its label")
		}
		v = out
	}
	if n := scrubPictures(v, 0, 0); n > 0 {
		notes.add(fmt.Sprintf("%d preview picture(s) in TIFF tag %d erased: they showed the picture without its label", n, e.Tag))
	}
	return v
}

// hasMakerNote reports whether the EXIF directory carries a maker note.
func (d *tiffDir) hasMakerNote() bool {
	for _, s := range d.subs {
		if s.tag == tagExifIFD && slices.ContainsFunc(s.dir.Tags, func(t TIFFTag) bool { return t.Tag == tagMakerNote }) {
			return true
		}
	}
	return false
}

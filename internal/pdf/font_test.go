package pdf

import (
	"testing"

	"github.com/belgi-kz/belgi/assets"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// TestSubsetKeepsUsedGlyphs: the embedded subset draws every letter of
// the notice (Kazakh і is a composite of dotless ı and a dot: both
// must survive), keeps glyph ids, and empties what is unused.
func TestSubsetKeepsUsedGlyphs(t *testing.T) {
	fc, err := loadFace()
	if err != nil {
		t.Fatal(err)
	}
	used, err := fc.glyphs("Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ Іі")
	if err != nil {
		t.Fatal(err)
	}
	keep := map[uint16]bool{}
	for _, g := range used {
		keep[uint16(g.id)] = true
	}
	sub, err := subsetTrueType(assets.NotoSansBold, keep)
	if err != nil {
		t.Fatal(err)
	}
	if len(sub) > len(assets.NotoSansBold)/4 {
		t.Errorf("subset is %d bytes of %d", len(sub), len(assets.NotoSansBold))
	}
	f, err := sfnt.Parse(sub)
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	ink := func(f *sfnt.Font, id sfnt.GlyphIndex) int {
		segs, err := f.LoadGlyph(&buf, id, fixed.I(1000), nil)
		if err != nil {
			t.Fatalf("glyph %d: %v", id, err)
		}
		return len(segs)
	}
	for _, g := range used {
		if g.r != ' ' && ink(f, g.id) != ink(fc.f, g.id) {
			t.Errorf("%q drawn with %d segments, the font has %d", g.r, ink(f, g.id), ink(fc.f, g.id))
		}
	}
	z, _ := fc.f.GlyphIndex(&buf, 'Z')
	if ink(f, z) != 0 {
		t.Error("an unused glyph kept its outline")
	}
}

func TestNoticeFontLacksNothing(t *testing.T) {
	fc, _ := loadFace()
	if _, err := fc.glyphs("\U0001F600"); err == nil {
		t.Error("a character the font lacks was accepted")
	}
}

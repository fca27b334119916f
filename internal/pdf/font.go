package pdf

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"sort"
	"sync"

	"github.com/belgi-kz/belgi/assets"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// face is the parsed notice font, shared read-only by every job.
type face struct {
	f    *sfnt.Font
	upem int
}

var loadFace = sync.OnceValues(func() (*face, error) {
	f, err := sfnt.Parse(assets.NotoSansBold)
	if err != nil {
		return nil, fmt.Errorf("embedded font: %w", err)
	}
	return &face{f: f, upem: int(f.UnitsPerEm())}, nil
})

// glyph is one rune set in the font.
type glyph struct {
	id    sfnt.GlyphIndex
	r     rune
	width int // advance in thousandths of an em
}

// glyphs maps text to glyphs; a rune the font lacks is an error rather
// than a silent gap in a legal notice.
func (fc *face) glyphs(s string) ([]glyph, error) {
	var buf sfnt.Buffer
	var out []glyph
	for _, r := range s {
		id, err := fc.f.GlyphIndex(&buf, r)
		if err != nil || id == 0 {
			return nil, fmt.Errorf("the notice font has no glyph for %q", r)
		}
		adv, err := fc.f.GlyphAdvance(&buf, id, fixed.I(fc.upem), 0)
		if err != nil {
			return nil, err
		}
		out = append(out, glyph{id: id, r: r, width: adv.Round() * 1000 / fc.upem})
	}
	return out, nil
}

// width is the advance of gs in thousandths of an em.
func width(gs []glyph) int {
	w := 0
	for _, g := range gs {
		w += g.width
	}
	return w
}

// hexString is gs as a PDF string of two-byte glyph ids (Identity-H).
func hexString(gs []glyph) string {
	var b bytes.Buffer
	b.WriteByte('<')
	for _, g := range gs {
		fmt.Fprintf(&b, "%04X", uint16(g.id))
	}
	b.WriteByte('>')
	return b.String()
}

// fontName follows the PDF convention for embedded fonts.
const fontName = "NotoSans-Bold"

// addFont writes the Type0 font with a subset of Noto Sans Bold holding
// the used glyphs, and returns a reference to it. The subset's tag is
// derived from the glyphs, as the PDF specification's convention asks.
func addFont(u *update, used []glyph) (Ref, error) {
	keep := map[uint16]bool{}
	for _, g := range used {
		keep[uint16(g.id)] = true
	}
	sub, err := subsetTrueType(assets.NotoSansBold, keep)
	if err != nil {
		return Ref{}, err
	}
	name := Name(subsetTag(used) + "+" + fontName)
	file := u.add(flateStream(Dict{{"Length1", int64(len(sub))}}, sub))
	desc := u.add(Dict{
		{"Type", Name("FontDescriptor")}, {"FontName", name}, {"Flags", int64(4)},
		{"FontBBox", Array{int64(-621), int64(-389), int64(2800), int64(1067)}},
		{"ItalicAngle", int64(0)}, {"Ascent", int64(1069)}, {"Descent", int64(-293)},
		{"CapHeight", int64(714)}, {"StemV", int64(120)}, {"FontFile2", file},
	})
	cmap := u.add(flateStream(nil, toUnicode(used)))
	cid := u.add(Dict{
		{"Type", Name("Font")}, {"Subtype", Name("CIDFontType2")}, {"BaseFont", name},
		{"CIDSystemInfo", Dict{{"Registry", String{B: []byte("Adobe")}}, {"Ordering", String{B: []byte("Identity")}}, {"Supplement", int64(0)}}},
		{"FontDescriptor", desc}, {"DW", int64(600)}, {"W", widthsArray(used)}, {"CIDToGIDMap", Name("Identity")},
	})
	return u.add(Dict{
		{"Type", Name("Font")}, {"Subtype", Name("Type0")}, {"BaseFont", name},
		{"Encoding", Name("Identity-H")}, {"DescendantFonts", Array{cid}}, {"ToUnicode", cmap},
	}), nil
}

func subsetTag(used []glyph) string {
	h := sha256.New()
	for _, g := range uniqueGlyphs(used) {
		fmt.Fprintf(h, "%d,", g.id)
	}
	sum := h.Sum(nil)
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag)
}

func uniqueGlyphs(used []glyph) []glyph {
	seen := map[sfnt.GlyphIndex]glyph{}
	for _, g := range used {
		seen[g.id] = g
	}
	out := make([]glyph, 0, len(seen))
	for _, g := range seen {
		out = append(out, g)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].id < out[j].id })
	return out
}

// widthsArray is the CIDFont W array: "gid [width]" per used glyph.
func widthsArray(used []glyph) Array {
	var a Array
	for _, g := range uniqueGlyphs(used) {
		a = append(a, int64(g.id), Array{int64(g.width)})
	}
	return a
}

// toUnicode maps each used glyph id back to its character, which is what
// makes extracted and searched text exact.
func toUnicode(used []glyph) []byte {
	u := uniqueGlyphs(used)
	var b bytes.Buffer
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for len(u) > 0 {
		n := min(len(u), 100) // the CMap format allows 100 entries per block
		fmt.Fprintf(&b, "%d beginbfchar\n", n)
		for _, g := range u[:n] {
			fmt.Fprintf(&b, "<%04X> <%s>\n", uint16(g.id), utf16Hex(g.r))
		}
		b.WriteString("endbfchar\n")
		u = u[n:]
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return b.Bytes()
}

func utf16Hex(r rune) string {
	if r < 0x10000 {
		return fmt.Sprintf("%04X", r)
	}
	r -= 0x10000
	return fmt.Sprintf("%04X%04X", 0xD800+(r>>10), 0xDC00+(r&0x3FF))
}

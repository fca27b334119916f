package pdf

import (
	"bytes"
	"fmt"
	"sort"
	"sync"

	"github.com/belgi-kz/belgi/assets"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
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

// fontDict adds the Type0 font and its descendants to the document and
// returns a reference to it. Only the glyphs used get widths and
// ToUnicode entries.
func (fc *face) fontDict(xt *model.XRefTable, used []glyph) (*types.IndirectRef, error) {
	file, err := xt.NewStreamDictForBuf(assets.NotoSansBold)
	if err != nil {
		return nil, err
	}
	file.InsertInt("Length1", len(assets.NotoSansBold))
	fileRef, err := streamRef(xt, file)
	if err != nil {
		return nil, err
	}
	desc := types.Dict{
		"Type": types.Name("FontDescriptor"), "FontName": types.Name(fontName),
		"Flags": types.Integer(32), "ItalicAngle": types.Integer(0),
		"FontBBox": types.NewNumberArray(-621, -389, 2800, 1067),
		"Ascent":   types.Integer(1069), "Descent": types.Integer(-293),
		"CapHeight": types.Integer(714), "StemV": types.Integer(120),
		"FontFile2": *fileRef,
	}
	descRef, err := xt.IndRefForNewObject(desc)
	if err != nil {
		return nil, err
	}
	cmap, err := xt.NewStreamDictForBuf(toUnicode(used))
	if err != nil {
		return nil, err
	}
	cmapRef, err := streamRef(xt, cmap)
	if err != nil {
		return nil, err
	}
	cid := types.Dict{
		"Type": types.Name("Font"), "Subtype": types.Name("CIDFontType2"),
		"BaseFont": types.Name(fontName), "FontDescriptor": *descRef,
		"CIDSystemInfo": types.Dict{"Registry": types.StringLiteral("Adobe"), "Ordering": types.StringLiteral("Identity"), "Supplement": types.Integer(0)},
		"CIDToGIDMap":   types.Name("Identity"), "DW": types.Integer(600), "W": widths(used),
	}
	cidRef, err := xt.IndRefForNewObject(cid)
	if err != nil {
		return nil, err
	}
	return xt.IndRefForNewObject(types.Dict{
		"Type": types.Name("Font"), "Subtype": types.Name("Type0"), "BaseFont": types.Name(fontName),
		"Encoding": types.Name("Identity-H"), "DescendantFonts": types.Array{*cidRef}, "ToUnicode": *cmapRef,
	})
}

// fontName follows the PDF convention for embedded fonts.
const fontName = "NotoSans-Bold"

func streamRef(xt *model.XRefTable, sd *types.StreamDict) (*types.IndirectRef, error) {
	if err := sd.Encode(); err != nil {
		return nil, err
	}
	return xt.IndRefForNewObject(*sd)
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

// widths is the CIDFont W array: "gid [width]" per used glyph.
func widths(used []glyph) types.Array {
	var a types.Array
	for _, g := range uniqueGlyphs(used) {
		a = append(a, types.Integer(int(g.id)), types.Array{types.Integer(g.width)})
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

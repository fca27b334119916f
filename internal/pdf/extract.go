package pdf

import (
	"strings"
	"unicode/utf16"
)

// cmap is a ToUnicode map: character codes of n bytes to text.
type cmap struct {
	n    int
	text map[uint32]string
}

const maxCMapEntries = 1 << 17

// parseToUnicode reads the bfchar and bfrange sections of a ToUnicode
// CMap; other PostScript in it is skipped.
func parseToUnicode(data []byte) cmap {
	c := cmap{n: 1, text: map[uint32]string{}}
	_ = eachOp(data, func(o op) bool {
		args := o.args
		switch o.name {
		case "endbfchar":
			for i := 0; i+1 < len(args); i += 2 {
				c.set(args[i], args[i+1], 0)
			}
		case "endbfrange":
			for i := 0; i+2 < len(args); i += 3 {
				c.setRange(args[i], args[i+1], args[i+2])
			}
		}
		return len(c.text) < maxCMapEntries
	})
	return c
}

func code(o Object) (uint32, int, bool) {
	s, ok := o.(String)
	if !ok || len(s.B) == 0 || len(s.B) > 4 {
		return 0, 0, false
	}
	var v uint32
	for _, b := range s.B {
		v = v<<8 | uint32(b)
	}
	return v, len(s.B), true
}

func (c *cmap) set(src, dst Object, inc int) {
	v, n, ok := code(src)
	s, isStr := dst.(String)
	if !ok || !isStr {
		return
	}
	c.n = n
	c.text[v+uint32(inc)] = utf16Text(s.B, inc)
}

func (c *cmap) setRange(lo, hi, dst Object) {
	a, n, ok1 := code(lo)
	b, _, ok2 := code(hi)
	if !ok1 || !ok2 || b < a || b-a > 0xffff {
		return
	}
	c.n = n
	for i := uint32(0); i <= b-a && len(c.text) < maxCMapEntries; i++ {
		if list, isList := dst.(Array); isList {
			if int(i) < len(list) {
				c.set(lo, list[i], int(i))
			}
			continue
		}
		c.set(lo, dst, int(i))
	}
}

// utf16Text decodes UTF-16BE, adding inc to the last unit (a bfrange
// destination counts up).
func utf16Text(b []byte, inc int) string {
	units := make([]uint16, len(b)/2)
	for i := range units {
		units[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	if len(units) > 0 {
		units[len(units)-1] += uint16(inc)
	}
	return string(utf16.Decode(units))
}

func (c cmap) decode(s []byte) string {
	var b strings.Builder
	for i := 0; i+c.n <= len(s); i += c.n {
		var v uint32
		for _, x := range s[i : i+c.n] {
			v = v<<8 | uint32(x)
		}
		b.WriteString(c.text[v])
	}
	return b.String()
}

// NoticeText is the text of Belgi's band on p: what the page's content
// shows inside a /BelgiNotice marked-content sequence, read through the
// fonts' ToUnicode maps, one line per text line. "" if there is none.
func (f *File) NoticeText(p Page) string {
	streams, _ := f.contentStreams(p.Dict, true)
	fonts, _ := f.Resolve(p.Resources.Get("Font")).(Dict)
	var b strings.Builder
	for _, s := range streams {
		f.bandText(s, fonts, &b)
	}
	return strings.TrimSpace(b.String())
}

func (f *File) bandText(content []byte, fonts Dict, b *strings.Builder) {
	depth, inBand := 0, 0
	var cm cmap
	maps := map[Name]cmap{}
	_ = eachOp(content, func(o op) bool {
		switch o.name {
		case "BMC", "BDC":
			depth++
			if inBand == 0 && len(o.args) > 0 && NameOf(o.args[0]) == MarkTag {
				inBand = depth
			}
		case "EMC":
			if depth == inBand {
				inBand = 0
				b.WriteByte('\n')
			}
			depth = max(0, depth-1)
		case "Tf":
			if len(o.args) == 2 && inBand > 0 {
				name := NameOf(o.args[0])
				if _, ok := maps[name]; !ok {
					maps[name] = f.fontCMap(fonts.Get(name))
				}
				cm = maps[name]
			}
		case "T*", "'", "\"":
			if inBand > 0 {
				b.WriteByte('\n')
			}
		}
		if inBand > 0 && (o.name == "Tj" || o.name == "TJ" || o.name == "'" || o.name == "\"") {
			showText(cm, o.args, b)
		}
		return true
	})
}

func showText(cm cmap, args []Object, b *strings.Builder) {
	if len(args) == 0 {
		return
	}
	items, ok := args[len(args)-1].(Array)
	if !ok {
		items = Array{args[len(args)-1]}
	}
	for _, it := range items {
		if s, ok := it.(String); ok && cm.text != nil {
			b.WriteString(cm.decode(s.B))
		}
	}
}

func (f *File) fontCMap(font Object) cmap {
	d, _ := f.Resolve(font).(Dict)
	s, ok := f.Resolve(d.Get("ToUnicode")).(*Stream)
	if !ok {
		return cmap{}
	}
	data, err := decode(s.Dict, s.Raw, f)
	if err != nil {
		return cmap{}
	}
	return parseToUnicode(data)
}

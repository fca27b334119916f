package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// fixture builds small PDFs by hand, in the shapes real writers use:
// classic tables, cross-reference and object streams, hybrid files,
// earlier incremental updates and damaged tables. No PDF library is
// involved, so the parser is tested against bytes, not against itself.
type fixture struct {
	objs  map[int]string // object bodies (dictionaries, arrays, streams)
	root  int
	extra string // more trailer entries
}

// layout is how a fixture is written out.
type layout int

const (
	classic   layout = iota
	xrefStm          // objects in an object stream, a cross-reference stream
	hybrid           // a classic table whose trailer points at an xref stream
	updated          // classic, then an incremental update changing page 1
	broken           // classic with every offset wrong
	noNewline        // no end-of-line after %%EOF
)

// stream is an object body holding data, Flate-compressed when flate.
func stream(dict, data string, flate bool) string {
	if !flate {
		return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
	}
	var b bytes.Buffer
	zw := zlib.NewWriter(&b)
	zw.Write([]byte(data))
	zw.Close()
	return fmt.Sprintf("<< %s /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream", dict, b.Len(), b.String())
}

// textPage is a fixture of n pages: each draws "Page i" at the top left
// in Helvetica and a rule near the top, with inherited resources and
// media box on the page tree node.
func textPage(n int, pageExtra string) *fixture {
	f := &fixture{objs: map[int]string{}, root: 1}
	var kids []string
	for i := range n {
		page, content := 10+2*i, 11+2*i
		kids = append(kids, fmt.Sprintf("%d 0 R", page))
		f.objs[page] = fmt.Sprintf("<< /Type /Page /Parent 2 0 R /Contents %d 0 R %s >>", content, pageExtra)
		f.objs[content] = stream("", fmt.Sprintf("q 0 0 1 rg 72 760 200 4 re f Q BT /F1 24 Tf 72 720 Td (Page %d of the story) Tj ET", i+1), true)
	}
	f.objs[1] = "<< /Type /Catalog /Pages 2 0 R >>"
	f.objs[2] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d /MediaBox [0 0 612 792] /Resources 3 0 R >>", strings.Join(kids, " "), n)
	f.objs[3] = "<< /Font << /F1 4 0 R >> /ProcSet [/PDF /Text] >>"
	f.objs[4] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
	return f
}

func (f *fixture) bytes(l layout) []byte {
	switch l {
	case xrefStm, hybrid:
		return f.withStreams(l == hybrid)
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offs := f.writeObjects(&b, slices.Sorted(maps.Keys(f.objs)))
	if l == broken {
		for n := range offs {
			offs[n] += 7
		}
	}
	start := b.Len()
	writeTable(&b, offs, fmt.Sprintf("/Size %d /Root %d 0 R %s", f.size(), f.root, f.extra))
	fmt.Fprintf(&b, "startxref\n%d\n%%%%EOF", start)
	if l != noNewline {
		b.WriteString("\n")
	}
	if l == updated {
		return f.appendUpdate(b.Bytes(), start)
	}
	return b.Bytes()
}

func (f *fixture) size() int { return slices.Max(slices.Collect(maps.Keys(f.objs))) + 1 }

func (f *fixture) writeObjects(b *bytes.Buffer, nums []int) map[int]int {
	offs := map[int]int{}
	for _, n := range nums {
		offs[n] = b.Len()
		fmt.Fprintf(b, "%d 0 obj\n%s\nendobj\n", n, f.objs[n])
	}
	return offs
}

func writeTable(b *bytes.Buffer, offs map[int]int, trailer string) {
	nums := slices.Sorted(maps.Keys(offs))
	b.WriteString("xref\n0 1\n0000000000 65535 f \n")
	for _, r := range runs(nums) {
		fmt.Fprintf(b, "%d %d\n", r[0], r[1])
		for n := r[0]; n < r[0]+r[1]; n++ {
			fmt.Fprintf(b, "%010d 00000 n \n", offs[n])
		}
	}
	fmt.Fprintf(b, "trailer\n<< %s >>\n", trailer)
}

// appendUpdate adds an earlier revision's update: page 1 gets a second
// content stream, as an editor would add an annotation's appearance.
func (f *fixture) appendUpdate(data []byte, prev int) []byte {
	b := bytes.NewBuffer(data)
	size := f.size()
	extra := stream("", "BT /F1 10 Tf 72 100 Td (added later) Tj ET", false)
	page := strings.Replace(f.objs[10], "/Contents 11 0 R", fmt.Sprintf("/Contents [11 0 R %d 0 R]", size), 1)
	offs := map[int]int{}
	offs[size] = b.Len()
	fmt.Fprintf(b, "%d 0 obj\n%s\nendobj\n", size, extra)
	offs[10] = b.Len()
	fmt.Fprintf(b, "10 0 obj\n%s\nendobj\n", page)
	start := b.Len()
	writeTable(b, offs, fmt.Sprintf("/Size %d /Root %d 0 R /Prev %d", size+1, f.root, prev))
	fmt.Fprintf(b, "startxref\n%d\n%%%%EOF\n", start)
	return b.Bytes()
}

// withStreams puts every non-stream object into one object stream and
// writes a cross-reference stream (with a PNG predictor, as Acrobat
// does). hybrid adds a classic table for old readers pointing at it.
func (f *fixture) withStreams(hybrid bool) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	var inStm, direct []int
	for _, n := range slices.Sorted(maps.Keys(f.objs)) {
		if strings.Contains(f.objs[n], "stream\n") {
			direct = append(direct, n)
		} else {
			inStm = append(inStm, n)
		}
	}
	offs := f.writeObjects(&b, direct)
	stm, xs := f.size(), f.size()+1
	var head, body strings.Builder
	for _, n := range inStm {
		fmt.Fprintf(&head, "%d %d ", n, body.Len())
		body.WriteString(f.objs[n] + "\n")
	}
	offs[stm] = b.Len()
	fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", stm, stream(fmt.Sprintf("/Type /ObjStm /N %d /First %d", len(inStm), head.Len()), head.String()+body.String(), true))
	offs[xs] = b.Len()
	rows := xrefRows(offs, inStm, stm, xs+1)
	fmt.Fprintf(&b, "%d 0 obj\n<< /Type /XRef /Size %d /Root %d 0 R /W [1 4 2] /DecodeParms << /Columns 7 /Predictor 12 >> %s /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream\nendobj\n",
		xs, xs+1, f.root, f.extra, len(rows), rows)
	start := offs[xs]
	if hybrid {
		start = b.Len()
		writeTable(&b, map[int]int{}, fmt.Sprintf("/Size %d /Root %d 0 R /XRefStm %d", xs+1, f.root, offs[xs]))
	}
	fmt.Fprintf(&b, "startxref\n%d\n%%%%EOF\n", start)
	return b.Bytes()
}

// xrefRows encodes entries 0..size-1 with PNG "up" filtering.
func xrefRows(offs map[int]int, inStm []int, stm, size int) string {
	idx := map[int]int{}
	for i, n := range inStm {
		idx[n] = i
	}
	var raw bytes.Buffer
	prev := make([]byte, 7)
	for n := range size {
		row := make([]byte, 7)
		switch {
		case n == 0:
			row = []byte{0, 0, 0, 0, 0, 0xff, 0xff}
		case offs[n] > 0:
			row = []byte{1, byte(offs[n] >> 24), byte(offs[n] >> 16), byte(offs[n] >> 8), byte(offs[n]), 0, 0}
		default:
			if i, ok := idx[n]; ok {
				row = []byte{2, 0, 0, byte(stm >> 8), byte(stm), 0, byte(i)}
			}
		}
		raw.WriteByte(2)
		for i := range row {
			raw.WriteByte(row[i] - prev[i])
		}
		prev = row
	}
	var b bytes.Buffer
	zw := zlib.NewWriter(&b)
	zw.Write(raw.Bytes())
	zw.Close()
	return b.String()
}

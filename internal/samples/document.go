package samples

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
)

// PDF writes a PDF by hand, one page per entry of pages, each a line of
// Helvetica text (ASCII: the standard fonts have no Cyrillic), with an
// existing XMP packet when xmp is not empty. No PDF library is involved,
// so none of a library's quirks leak into tests.
func PDF(pages []string, xmp string) []byte {
	var objs []string
	kids := make([]string, len(pages))
	first := 3
	if xmp != "" {
		first = 4
	}
	for i, text := range pages {
		page, content := first+2*i, first+2*i+1
		kids[i] = fmt.Sprintf("%d 0 R", page)
		stream := fmt.Sprintf("BT /F1 24 Tf 72 720 Td (%s) Tj ET", text)
		objs = append(objs,
			fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> /Contents %d 0 R >>", content),
			fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(stream), stream))
	}
	catalog := "<< /Type /Catalog /Pages 2 0 R >>"
	head := []string{"", fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(pages))}
	if xmp != "" {
		catalog = "<< /Type /Catalog /Pages 2 0 R /Metadata 3 0 R >>"
		head = append(head, fmt.Sprintf("<< /Type /Metadata /Subtype /XML /Length %d >>\nstream\n%s\nendstream", len(xmp), xmp))
	}
	head[0] = catalog
	return assemblePDF(append(head, objs...))
}

func assemblePDF(objs []string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// DOCXPart is one part (zip entry) of a hand-made DOCX.
type DOCXPart struct {
	Name, Body string
	Store      bool // stored, not deflated
}

// DOCX writes the smallest Word document that Word and LibreOffice open:
// the content types, the package relationship and a document whose
// body is one paragraph per entry of paragraphs, then any extra parts.
func DOCX(paragraphs []string, extra ...DOCXPart) ([]byte, error) {
	var body strings.Builder
	for _, p := range paragraphs {
		body.WriteString("<w:p><w:r><w:t>" + p + "</w:t></w:r></w:p>")
	}
	parts := append([]DOCXPart{
		{Name: "[Content_Types].xml", Body: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{Name: "_rels/.rels", Body: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{Name: "word/document.xml", Body: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body.String() + `<w:sectPr/></w:body></w:document>`},
	}, extra...)
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, p := range parts {
		method := zip.Deflate
		if p.Store {
			method = zip.Store
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.Name, Method: method})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write([]byte(p.Body)); err != nil {
			return nil, err
		}
	}
	err := zw.Close()
	return b.Bytes(), err
}

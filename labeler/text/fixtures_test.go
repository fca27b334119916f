package text

import (
	"fmt"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/internal/samples"
)

// minimalPDF is a hand-made PDF of pages pages ("Page N of the story").
func minimalPDF(pages int, xmp string) []byte {
	lines := make([]string, pages)
	for i := range lines {
		lines[i] = fmt.Sprintf("Page %d of the story", i+1)
	}
	return samples.PDF(lines, xmp)
}

const existingXMP = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>Айгерім Сейітқызы</rdf:li></rdf:Seq></dc:creator></rdf:Description>
</rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>`

// docxEntry is one extra part of a hand-made DOCX.
type docxEntry = samples.DOCXPart

// minimalDOCX is a DOCX with one Kazakh paragraph, a stored (not
// deflated) media part to prove raw copying keeps bytes, and extra.
func minimalDOCX(t *testing.T, extra ...docxEntry) []byte {
	t.Helper()
	media := docxEntry{Name: "word/media/image1.bin", Body: strings.Repeat("\x89PNG raw bytes ", 50), Store: true}
	b, err := samples.DOCX([]string{kazakh}, append([]docxEntry{media}, extra...)...)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

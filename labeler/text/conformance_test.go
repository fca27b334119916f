package text

import (
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/kindtest"
)

// TestConformance runs the suite every media kind passes, through the
// real core: both layers, originals untouched, clear errors, no leftovers.
func TestConformance(t *testing.T) {
	both := []string{labeler.LayerNotice, labeler.LayerXMP}
	var fixtures []kindtest.Fixture
	for _, tc := range textCases() {
		// Only WebVTT and a full HTML page have magic bytes to sniff.
		byExt := !strings.HasSuffix(tc.name, ".vtt") && tc.name != "page.html"
		fixtures = append(fixtures, kindtest.Fixture{Name: tc.name, Data: tc.data, Layers: both, ByExtension: byExt})
	}
	fixtures = append(fixtures,
		kindtest.Fixture{Name: "empty.txt", Bad: true},
		kindtest.Fixture{Name: "binary.txt", Data: []byte("\x00\x01\x02\x89PNG\x00\xff\xfe\x00"), Bad: true},
	)
	kindtest.Run(t, New(), labeler.DefaultSpec(), fixtures)

	pdf := minimalPDF(2, existingXMP)
	kindtest.Run(t, NewDocument(), labeler.DefaultSpec(), []kindtest.Fixture{
		{Name: "story.pdf", Data: pdf, Layers: both},
		{Name: "memo.docx", Data: minimalDOCX(t), Layers: both},
		{Name: "cut.pdf", Data: pdf[:len(pdf)/3], Bad: true},
		{Name: "story.odt", Data: minimalODT(t), Layers: both},
		{Name: "cut.docx", Data: minimalDOCX(t)[:200], Bad: true},
		{Name: "cut.odt", Data: minimalODT(t)[:200], Bad: true},
	})
}

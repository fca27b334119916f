package text

import (
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/labeler"
)

// A labeled PDF names the AI system (IPTC 2025.1) and carries a content
// ID in its XMP, as exiftool reads them; exiftool 12.57 has no
// definitions for the AI fields and names them from the XMP properties.
func TestPDFNamesTheAISystem(t *testing.T) {
	spec := labeler.DefaultSpec()
	spec.AISystem = labeler.AISystem{Name: "Claude", Version: "4", PromptWriter: "Дана"}
	res := process(t, writeInput(t, "a.pdf", minimalPDF(1, "")), spec)
	if res.Status != labeler.StatusOK {
		t.Fatalf("status %s: %v", res.Status, res.Err)
	}
	out := run(t, "exiftool", "-s", "-charset", "UTF8", "-XMP-iptcExt:AISystemUsed", "-XMP-iptcExt:AISystemVersionUsed",
		"-XMP-iptcExt:AIPromptWriterName", "-XMP-xmpMM:InstanceID", res.Output)
	for _, want := range []string{"AISystemUsed                    : Claude", "AISystemVersionUsed             : 4",
		"AIPromptWriterName              : Дана", "InstanceID                      : xmp.iid:"} {
		if !strings.Contains(out, want) {
			t.Errorf("exiftool lacks %q:\n%s", want, out)
		}
	}
}

package image

import (
	"encoding/json"
	"os/exec"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/internal/samples"
	"github.com/belgi-kz/belgi/labeler"
)

// exiftoolJSON reads tags with exiftool, skipping when it is missing.
func exiftoolJSON(t *testing.T, path string, tags ...string) map[string]any {
	t.Helper()
	if _, err := exec.LookPath("exiftool"); err != nil {
		t.Skip("exiftool not installed (apt-get install libimage-exiftool-perl)")
	}
	out, err := exec.Command("exiftool", append([]string{"-j", "-charset", "UTF8"}, append(tags, path)...)...).Output()
	if err != nil {
		t.Fatal(err)
	}
	var recs []map[string]any
	if err := json.Unmarshal(out, &recs); err != nil || len(recs) != 1 {
		t.Fatalf("exiftool output %s: %v", out, err)
	}
	return recs[0]
}

// Under the cn profile a PNG carries the TC260 AIGC record twice, as
// GB 45438 and TC260's guide place it: in XMP and in a tEXt chunk keyed
// AIGC, with the same content number as the XMP instance ID. Every
// output names the AI system and has a content ID.
func TestAISystemContentIDAndTC260(t *testing.T) {
	spec, _ := labeler.SpecFor("cn")
	spec.AISystem = labeler.AISystem{Name: "Midjourney", Version: "7", Provider: "Midjourney, Inc.", PromptWriter: "Әлия"}
	out := labelBytes(t, "a.png", samples.PNG(scene(300, 200)), spec)
	got := exiftoolJSON(t, out, "-PNG:AIGC", "-XMP-TC260:AIGC", "-XMP-iptcExt:all", "-XMP-xmpMM:InstanceID")
	var png, xmp map[string]string
	if err := json.Unmarshal([]byte(str(got["AIGC"])), &png); err != nil {
		t.Fatalf("PNG AIGC %v: %v (%v)", got["AIGC"], err, got)
	}
	id := strings.TrimPrefix(str(got["InstanceID"]), "xmp.iid:")
	if png["Label"] != "1" || png["ContentProducer"] != "Midjourney, Inc." || png["ProduceID"] != id || len(png) != 7 {
		t.Errorf("PNG AIGC %v, instance %s", png, id)
	}
	_ = json.Unmarshal([]byte(str(got["Aigc"])), &xmp)
	if xmp["ProduceID"] != id {
		t.Errorf("XMP AIGC %v", got)
	}
	if got["AISystemUsed"] != "Midjourney" || str(got["AISystemVersionUsed"]) != "7" || got["AIPromptWriterName"] != "Әлия" {
		t.Errorf("AI system fields %v", got)
	}
	kz := labelBytes(t, "b.png", samples.PNG(scene(300, 200)), labeler.DefaultSpec())
	if got := exiftoolJSON(t, kz, "-PNG:AIGC", "-XMP-xmpMM:InstanceID"); got["AIGC"] != nil || !strings.HasPrefix(str(got["InstanceID"]), "xmp.iid:") {
		t.Errorf("kz profile: %v, want no AIGC and a content ID", got)
	}
}

func str(v any) string {
	if v == nil {
		return ""
	}
	if s, ok := v.(string); ok {
		return s
	}
	b, _ := json.Marshal(v)
	return string(b)
}

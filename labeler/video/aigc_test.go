package video

import (
	"encoding/json"
	"os/exec"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/labeler"
)

// Under the cn profile MP4 and Matroska outputs carry the TC260 AIGC
// record as a container tag, beside the XMP; every output names the AI
// system and has a content ID, as exiftool reads them.
func TestAIGCAndAISystemInVideo(t *testing.T) {
	if _, err := exec.LookPath("exiftool"); err != nil {
		t.Skip("exiftool not installed (apt-get install libimage-exiftool-perl)")
	}
	for _, name := range []string{"h264.mp4", "subs.mkv"} {
		spec, _ := labeler.SpecFor("cn")
		spec.Video.Preset = "ultrafast"
		spec.AISystem = labeler.AISystem{Name: "Sora", Version: "2"}
		res := label(t, testKind(), clip(t, name), spec)
		raw, err := exec.Command("exiftool", "-j", "-AIGC", "-XMP-iptcExt:AISystemUsed", "-XMP-xmpMM:InstanceID", res.Output).Output()
		if err != nil {
			t.Fatal(err)
		}
		var tags []map[string]any
		if err := json.Unmarshal(raw, &tags); err != nil || len(tags) != 1 {
			t.Fatalf("%s: exiftool %s", name, raw)
		}
		var rec map[string]string
		var aigc string
		for k, v := range tags[0] { // exiftool names it AIGC in MP4, Aigc in Matroska
			if strings.EqualFold(k, "AIGC") {
				aigc, _ = v.(string)
			}
		}
		if err := json.Unmarshal([]byte(aigc), &rec); err != nil || rec["ContentProducer"] != "Sora" || len(rec) != 7 {
			t.Errorf("%s: AIGC tag %q (%v)", name, aigc, tags[0])
		}
		id, _ := tags[0]["InstanceID"].(string)
		if name == "h264.mp4" && (tags[0]["AISystemUsed"] != "Sora" || strings.TrimPrefix(id, "xmp.iid:") != rec["ProduceID"]) {
			t.Errorf("%s: AI system %v, instance %q, AIGC ProduceID %q", name, tags[0]["AISystemUsed"], id, rec["ProduceID"])
		}
	}
}

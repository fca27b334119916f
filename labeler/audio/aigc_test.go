package audio

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/internal/wav"
	"github.com/belgi-kz/belgi/labeler"
)

// Under the cn profile WAV and MP3 carry the TC260 AIGC record where
// TC260's practice guide puts it (a RIFF chunk "AIGC", an ID3 TXXX frame
// "AIGC") as well as in XMP, with the XMP instance ID as its content
// number; the AI system is named in XMP. exiftool reads all of it.
func TestAIGCAndAISystemInAudio(t *testing.T) {
	needTool(t, "exiftool")
	needTool(t, "ffmpeg")
	dir := t.TempDir()
	src := filepath.Join(dir, "a.wav")
	writeWAV(t, src, wav.PCM16(44100, 1), programme(44100, 1, 3))
	mp3 := encodeFixture(t, dir, "a.mp3", programme(44100, 1, 3), "-c:a", "libmp3lame")
	spec, _ := labeler.SpecFor("cn")
	spec.AISystem = labeler.AISystem{Name: "Suno", Version: "4", Provider: "Суно"}
	for _, in := range []string{src, mp3} {
		out := labelFile(t, in, spec).Output
		raw, err := exec.Command("exiftool", "-j", "-b", "-U", "-ID3:all", "-RIFF:all", "-XMP-iptcExt:AISystemUsed", "-XMP-xmpMM:InstanceID", out).Output()
		if err != nil {
			t.Fatal(err)
		}
		var tags []map[string]any
		if err := json.Unmarshal(raw, &tags); err != nil || len(tags) != 1 {
			t.Fatalf("exiftool: %s", raw)
		}
		var aigc string
		for k, v := range tags[0] {
			if s, ok := v.(string); ok && (k == "Unknown_AIGC" || strings.Contains(s, `"ProduceID"`)) {
				aigc = strings.TrimPrefix(s, "(AIGC) ")
			}
		}
		var rec map[string]string
		if err := json.Unmarshal([]byte(strings.TrimRight(aigc, "\x00")), &rec); err != nil || len(rec) != 7 || rec["ContentProducer"] != "Суно" {
			t.Errorf("%s: AIGC %q (%v) in %s", filepath.Base(out), aigc, err, raw)
		}
		id, _ := tags[0]["InstanceID"].(string)
		if tags[0]["AISystemUsed"] != "Suno" || "xmp.iid:"+rec["ProduceID"] != id {
			t.Errorf("%s: AI system %v, instance %q, ProduceID %q", filepath.Base(out), tags[0]["AISystemUsed"], id, rec["ProduceID"])
		}
	}
}

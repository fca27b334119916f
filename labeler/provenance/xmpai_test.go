package provenance

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var aiMark = Mark{DigitalSourceType: "x", Tool: "Belgi test", ContentID: "0b0f6e4c-2f7e-4c1a-9d55-3c1e2a9b7f10",
	AISystem: "Midjourney", AISystemVersion: "7", PromptWriter: "Aigerim Ş.", AIProvider: "Midjourney, Inc.", TC260: true}

// The AI system and the content ID go where IPTC and XMP put them, and
// replace a source's own instead of standing beside them.
func TestPacketNamesTheAISystem(t *testing.T) {
	existing := []byte(`<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:mm="http://ns.adobe.com/xap/1.0/mm/" xmlns:ie="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"
 mm:InstanceID="xmp.iid:old" mm:DocumentID="xmp.did:keep" ie:AISystemUsed="DALL-E"><ie:AIPromptWriterName>Someone</ie:AIPromptWriterName></rdf:Description>
</rdf:RDF></x:xmpmeta>`)
	out, err := Packet(existing, aiMark)
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	for _, want := range []string{`xmpMM:InstanceID="xmp.iid:` + aiMark.ContentID + `"`, `Iptc4xmpExt:AISystemUsed="Midjourney"`,
		`Iptc4xmpExt:AISystemVersionUsed="7"`, `Iptc4xmpExt:AIPromptWriterName="Aigerim Ş."`, `belgi:AIProvider="Midjourney, Inc."`, `mm:DocumentID="xmp.did:keep"`} {
		if !strings.Contains(s, want) {
			t.Errorf("packet lacks %s:\n%s", want, s)
		}
	}
	for _, gone := range []string{"xmp.iid:old", "DALL-E", "Someone"} {
		if strings.Contains(s, gone) {
			t.Errorf("the source's %q stays beside Belgi's:\n%s", gone, s)
		}
	}
	noAI := aiMark
	noAI.AISystem, noAI.PromptWriter = "", ""
	if out, _ := Packet(existing, noAI); !strings.Contains(string(out), "DALL-E") || !strings.Contains(string(out), "Someone") {
		t.Errorf("a source's AI fields are dropped though Belgi writes none:\n%s", out)
	}
}

// The TC260 AIGC record has all seven fields of GB 45438-2025, in order.
func TestAIGCHasSevenFields(t *testing.T) {
	got := AIGC(aiMark)
	keys := regexp.MustCompile(`"(\w+)":`).FindAllStringSubmatch(got, -1)
	var names []string
	for _, k := range keys {
		names = append(names, k[1])
	}
	want := "Label ContentProducer ProduceID ReservedCode1 ContentPropagator PropagateID ReservedCode2"
	if strings.Join(names, " ") != want {
		t.Errorf("fields %v, want %s", names, want)
	}
	var rec map[string]string
	if err := json.Unmarshal([]byte(got), &rec); err != nil || rec["Label"] != "1" ||
		rec["ContentProducer"] != "Midjourney, Inc." || rec["ProduceID"] != aiMark.ContentID {
		t.Errorf("AIGC %s (%v)", got, err)
	}
	if rec := AIGC(Mark{Tool: "Belgi 1"}); !strings.Contains(rec, `"ContentProducer":"Belgi 1"`) {
		t.Errorf("no producer known: %s", rec)
	}
}

func TestContentIDsAreVersion4UUIDs(t *testing.T) {
	re := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	seen := map[string]bool{}
	for range 100 {
		id := NewContentID()
		if !re.MatchString(id) || seen[id] {
			t.Fatalf("content ID %q: not a fresh v4 UUID", id)
		}
		seen[id] = true
	}
}

// exiftool (12.57 has no definition for the IPTC 2025.1 AI fields, so it
// names them from the XMP property) reads them and the instance ID.
func TestExiftoolReadsTheAISystem(t *testing.T) {
	if _, err := exec.LookPath("exiftool"); err != nil {
		t.Skip("exiftool is not installed (apt-get install libimage-exiftool-perl)")
	}
	out, err := Packet(nil, aiMark)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "x.xmp")
	os.WriteFile(path, out, 0o644)
	raw, err := exec.Command("exiftool", "-j", "-s", "-s", "-charset", "UTF8", "-XMP-iptcExt:all", "-XMP-xmpMM:InstanceID", "-XMP-TC260:all", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	var tags []map[string]any
	if err := json.Unmarshal(raw, &tags); err != nil || len(tags) != 1 {
		t.Fatalf("exiftool: %s", raw)
	}
	for k, want := range map[string]string{"AISystemUsed": "Midjourney", "AISystemVersionUsed": "7",
		"AIPromptWriterName": "Aigerim Ş.", "InstanceID": "xmp.iid:" + aiMark.ContentID} {
		if got := fmt.Sprint(tags[0][k]); got != want { // exiftool gives "7" as a number
			t.Errorf("exiftool %s = %v, want %s (%s)", k, got, want, raw)
		}
	}
}

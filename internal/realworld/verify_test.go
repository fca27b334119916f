//go:build realworld

package realworld

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/labeler"
)

// verifyOutputs reads every labeled copy back with tools nobody here
// wrote: the machine-readable mark must be found, the file must decode
// or parse cleanly (where its original did), and `belgi-cli check` must
// call it labeled. It returns what is wrong, by corpus path.
func verifyOutputs(t *testing.T, cli string, rs []result, root string) map[string]string {
	var ok []result
	for _, r := range rs {
		if r.Status == "ok" {
			ok = append(ok, r)
		}
	}
	dst := exiftoolDST(t, ok)
	found := map[string]string{}
	for _, r := range ok {
		var msgs []string
		if !dst[r.Output] && !ffprobeDST(r.Output) && !textDST(r.Output) && !odtDST(r.Output) {
			msgs = append(msgs, "no reader finds the DigitalSourceType")
		}
		if msg := integrity(r.Input, r.Output); msg != "" {
			msgs = append(msgs, msg)
		}
		if msg := checkLabeled(cli, r.Output); msg != "" {
			msgs = append(msgs, "belgi-cli check: "+msg)
		}
		if len(msgs) > 0 {
			rel, _ := filepath.Rel(root, r.Input)
			found[rel] = clean(normalize(strings.Join(msgs, "; "), r.Output))
		}
	}
	return found
}

// exiftoolDST runs exiftool once over all outputs and reports which carry
// an AI digital source type in any group (XMP, Vorbis, DOCX properties).
func exiftoolDST(t *testing.T, rs []result) map[string]bool {
	list := filepath.Join(t.TempDir(), "outputs.txt")
	var names []string
	for _, r := range rs {
		names = append(names, r.Output)
	}
	os.WriteFile(list, []byte(strings.Join(names, "\n")), 0o644)
	out, err := exec.Command("exiftool", "-j", "-a", "-G1", "-q", "-q", "-DigitalSourceType", "-@", list).Output()
	if err != nil && len(out) == 0 {
		t.Fatalf("exiftool: %v", err)
	}
	var recs []map[string]any
	if err := json.Unmarshal(out, &recs); err != nil {
		t.Fatalf("exiftool JSON: %v", err)
	}
	found := map[string]bool{}
	for _, rec := range recs {
		for k, v := range rec {
			s, _ := v.(string)
			if strings.HasSuffix(strings.ToLower(k), "digitalsourcetype") && labeler.IsAI(s) {
				found[rec["SourceFile"].(string)] = true
			}
		}
	}
	return found
}

// ffprobeDST looks for the digital source type in container, stream and
// program tags (Matroska, WebM, AVI, FLV, ASF, MXF; a transport stream's
// service), where exiftool does not look.
func ffprobeDST(path string) bool {
	out, _ := exec.Command("ffprobe", "-v", "quiet", "-show_entries", "format_tags:stream_tags:program_tags", "-of", "json", path).Output()
	return bytes.Contains(out, []byte("trainedAlgorithmicMedia"))
}

// odtDST reads an ODT's user-defined property with unzip and libxml2's
// XPath: exiftool lists ODT properties by position, not by name.
func odtDST(path string) bool {
	if ext := strings.ToLower(filepath.Ext(path)); ext != ".odt" && ext != ".ott" {
		return false
	}
	meta, err := exec.Command("unzip", "-p", path, "meta.xml").Output()
	if err != nil {
		return false
	}
	cmd := exec.Command("xmllint", "--xpath", "//*[local-name()='user-defined'][@*[local-name()='name']='DigitalSourceType']/text()", "-")
	cmd.Stdin = bytes.NewReader(meta)
	out, _ := cmd.Output()
	return labeler.IsAI(strings.TrimSpace(string(out)))
}

// textDST: plain text, subtitles and web pages carry the mark in words.
func textDST(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".md", ".srt", ".vtt", ".html", ".htm":
		b, _ := os.ReadFile(path)
		return bytes.Contains(b, []byte("trainedAlgorithmicMedia")) && hasNotice(string(b))
	}
	return false
}

// hasNotice reports whether text shows the default notice in Kazakh or
// Russian (the default label languages), whitespace aside.
func hasNotice(text string) bool {
	flat := strings.Join(strings.Fields(text), " ")
	for _, l := range []labeler.Lang{labeler.Kazakh, labeler.Russian} {
		if strings.Contains(flat, labeler.PresetNotice(l, labeler.Generated)) {
			return true
		}
	}
	return false
}

// checkLabeled asks Belgi's own reader, which must agree.
func checkLabeled(cli, path string) string {
	out, _ := exec.Command(cli, "check", "-json", path).Output()
	var rep struct {
		Labeled bool   `json:"labeled"`
		Error   string `json:"error"`
	}
	if err := json.Unmarshal(bytes.TrimSpace(out), &rep); err != nil {
		return "no JSON: " + string(out)
	}
	if !rep.Labeled {
		return "the output does not read as labeled " + rep.Error
	}
	return ""
}

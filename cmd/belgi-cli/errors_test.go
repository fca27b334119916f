package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// brokenFiles are one file of every kind that the kind refuses, with the
// exact error Belgi reports: "NAME: stage: cause", the name once.
var brokenFiles = []struct {
	name, data, stage, cause string
	prefix                   bool // cause is only the start of the message
}{
	{"broken.jpg", "\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xdb\x00",
		"decode", "image: the JPEG is cut short (meta: jpeg: truncated: segment 0xDB at offset 20 has no length (file size 23)); label a complete copy", false},
	{"broken.wav", "RIFF\x24\x00\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00",
		"decode", `audio: wav: chunk "fmt " runs past the end of the file: the file is truncated`, false},
	{"broken.mp3", "ID3\x03\x00\x00\x00\x00\x00\x10" + strings.Repeat("\x00", 16) + "\xff\xfb",
		"decode", "audio: mp3: no MPEG audio frames found (the file may be damaged or not MP3)", false},
	{"broken.mkv", "\x1a\x45\xdf\xa3\x93\x42\x82\x88matroska\x42\x87\x81\x04" + strings.Repeat("\x00", 50),
		"decode", "video: the file is truncated: no element header at byte 24; re-export it from its source, or keep what is there with `ffmpeg -i IN -c copy OUT` and label that", false},
	{"broken.pdf", "%PDF-1.4\n1 0 obj\n<< /Type /Catalog\n",
		"decode", "document: not a readable PDF (damaged or truncated?): no document catalog found", false},
	{"broken.docx", "PK\x03\x04" + strings.Repeat("\x00", 40),
		"decode", "document: not a valid DOCX (a DOCX is a zip archive; this one is damaged or truncated): zip: not a valid zip file", false},
	{"broken.txt", "hello\x00\x00\x00world\x00\x01\x02",
		"decode", "text: this is binary data, not text (is the extension wrong?)", false},
	{"broken.bin", "\x00\x01\x02\x03 not media",
		"decode", "unsupported file: content looks like application/octet-stream", false},
}

// writeBroken puts every broken file in a fresh folder and returns their
// paths: named one by one, so the file no kind knows is an error too
// (a folder walk would skip it).
func writeBroken(t *testing.T) []string {
	t.Helper()
	if _, err := exec.LookPath("ffprobe"); err != nil {
		t.Skip("ffprobe not installed: the video row needs it")
	}
	dir := t.TempDir()
	var paths []string
	for _, b := range brokenFiles {
		p := filepath.Join(dir, b.name)
		if err := os.WriteFile(p, []byte(b.data), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

// assertShape checks one reported error against its row.
func assertShape(t *testing.T, name, stage, msg string) {
	t.Helper()
	for _, b := range brokenFiles {
		if b.name != name {
			continue
		}
		want := b.name + ": " + b.stage + ": " + b.cause
		if msg != want && !(b.prefix && strings.HasPrefix(msg, want)) {
			t.Errorf("%s:\n got %q\nwant %q", name, msg, want)
		}
		if n := strings.Count(msg, strings.TrimSuffix(name, filepath.Ext(name))); n != 1 {
			t.Errorf("%s: the name appears %d times in %q", name, n, msg)
		}
		if stage != "" && stage != b.stage {
			t.Errorf("%s: stage %q, want %q", name, stage, b.stage)
		}
		return
	}
	t.Errorf("unexpected file %s in the report", name)
}

func TestErrorShapeText(t *testing.T) {
	code, _, stderr := cli(t, append([]string{"label", "-out", t.TempDir()}, writeBroken(t)...)...)
	if code != exitFail {
		t.Errorf("exit %d, want 1", code)
	}
	seen := 0
	for _, l := range strings.Split(stderr, "\n") {
		msg, ok := strings.CutPrefix(l, "error    ")
		if !ok {
			continue
		}
		name, _, _ := strings.Cut(msg, ": ")
		assertShape(t, name, "", msg)
		seen++
	}
	if seen != len(brokenFiles) {
		t.Errorf("%d error lines, want %d:\n%s", seen, len(brokenFiles), stderr)
	}
}

func TestErrorShapeJSON(t *testing.T) {
	_, stdout, _ := cli(t, append([]string{"label", "-json", "-out", t.TempDir()}, writeBroken(t)...)...)
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != len(brokenFiles) {
		t.Fatalf("%d lines, want %d:\n%s", len(lines), len(brokenFiles), stdout)
	}
	for _, l := range lines {
		var ll labelLine
		if err := json.Unmarshal([]byte(l), &ll); err != nil {
			t.Fatalf("not JSON: %q", l)
		}
		if ll.Status != "error" {
			t.Errorf("%s: status %q", ll.Input, ll.Status)
		}
		assertShape(t, filepath.Base(ll.Input), ll.Stage, ll.Error)
	}
}

// TestCheckErrorShape: check names the file once too; files whose marks
// can be read despite the damage are reported, not refused.
func TestCheckErrorShape(t *testing.T) {
	_, stdout, _ := cli(t, append([]string{"check", "-json"}, writeBroken(t)...)...)
	refused := 0
	for _, l := range strings.Split(strings.TrimSpace(stdout), "\n") {
		var cl checkLine
		if err := json.Unmarshal([]byte(l), &cl); err != nil {
			t.Fatalf("not JSON: %q", l)
		}
		if cl.Error == "" {
			continue
		}
		refused++
		name := filepath.Base(cl.Input)
		if cl.Stage != "decode" || !strings.HasPrefix(cl.Error, name+": decode: ") || strings.Count(cl.Error, name) != 1 {
			t.Errorf("check %s: stage %q, error %q", name, cl.Stage, cl.Error)
		}
	}
	// The JPEG and the MP3 have readable marks (none); the rest refuse.
	if want := len(brokenFiles) - 2; refused != want {
		t.Errorf("%d files refused, want %d:\n%s", refused, want, stdout)
	}
}

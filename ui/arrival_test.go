package ui

import (
	"crypto/x509/pkix"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/provenance/c2pa"
)

const corpusC2PA = "../../shared/realworld/c2pa/"

// copyCorpus copies a corpus file into dir, skipping when it is absent.
func copyCorpus(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(corpusC2PA + name)
	if err != nil {
		t.Skip("corpus file missing: ", name)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// checked adds paths and waits until every supported file's provenance
// has arrived.
func checked(t *testing.T, u *App, l *loop, paths ...string) map[string]*fileItem {
	t.Helper()
	addAndWait(t, u, l, len(paths), paths...)
	l.until(t, "provenance of every file", func() bool {
		for _, f := range u.files.items {
			if f.kind != nil && f.arrival == nil {
				return false
			}
		}
		return true
	})
	out := map[string]*fileItem{}
	for _, f := range u.files.items {
		out[f.name()] = f
	}
	return out
}

// detailsText is every label the details panel shows, one per line.
func detailsText(u *App) string {
	var b strings.Builder
	for _, o := range test.LaidOutObjects(u.details.body) {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	}
	return b.String()
}

// TestRowsShowWhatFilesArriveWith: the list says which file is AI per
// its Content Credentials (and whose), which carries AI metadata but no
// label, whose credentials are invalid, and which Belgi already labeled;
// the details panel lists the manifest chain.
func TestRowsShowWhatFilesArriveWith(t *testing.T) {
	u, l := newTestUI(t)
	dir := t.TempDir()
	titan := copyCorpus(t, dir, "c2pa-ts_amazon-titan-g1.png")
	broken := copyCorpus(t, dir, "c2pa-public-testfiles_adobe-20220124-E-dat-CA.jpg")
	plain := writePhoto(t, dir, "plain.jpg", 120, 80, 4)
	aiMP3 := taggedMP3(t, dir)
	labeled := labeledPhoto(t, dir)
	items := checked(t, u, l, titan, broken, plain, aiMP3, labeled)
	cases := map[string]string{
		filepath.Base(titan):   "AI per Content Credentials (Amazon Web Services, Inc.)",
		filepath.Base(broken):  "Content Credentials invalid",
		filepath.Base(plain):   "Waiting",
		filepath.Base(aiMP3):   "AI metadata but no visible label",
		filepath.Base(labeled): "Already labeled by Belgi",
	}
	for name, want := range cases {
		if got := rowText(u, items[name]); !strings.Contains(got, want) {
			t.Errorf("%s: row %q, want %q", name, got, want)
		}
	}
	u.files.Select(u.files.indexOf(items[filepath.Base(titan)]))
	got := detailsText(u)
	for _, want := range []string{"Amazon Web Services, Inc.", "created — trainedAlgorithmicMedia", "Made with Amazon Bedrock", "✗ signingCredential.untrusted"} {
		if !strings.Contains(got, want) {
			t.Errorf("details lack %q:\n%s", want, got)
		}
	}
	u.files.Select(u.files.indexOf(items[filepath.Base(broken)]))
	if got := detailsText(u); !strings.Contains(got, "✗ assertion.dataHash.mismatch") || !strings.Contains(got, "Content Credentials: invalid") {
		t.Errorf("details of the tampered file:\n%s", got)
	}
}

// TestInvolvementFromProvenance: a file whose provenance says generative
// AI edited it is labeled "modified" until the user sets the involvement
// themselves, which then holds for every file.
func TestInvolvementFromProvenance(t *testing.T) {
	u, l := newTestUI(t)
	dir := t.TempDir()
	edited := writePhotoWithDST(t, dir, "edited.jpg", labeler.DSTComposite)
	items := checked(t, u, l, edited)
	f := items["edited.jpg"]
	if f.input.AI != labeler.Modified || u.specFor(f).AI != labeler.Modified {
		t.Fatalf("involvement %q, want modified from the file", f.input.AI)
	}
	s := u.spec
	s.AI = labeler.Generated
	if s.AI == u.spec.AI {
		s.AI = labeler.Modified
	}
	u.specChanged(s)
	if f.input.AI != "" || u.specFor(f).AI != s.AI {
		t.Errorf("after the user chose %q the file still uses %q", s.AI, f.input.AI)
	}
}

// TestCreateSigningRequest: the form needs a name and a two-letter
// country; the key (owner-only) and request land in the chosen folder
// and a dialog says where.
func TestCreateSigningRequest(t *testing.T) {
	u, l := newTestUI(t)
	f := newCSRForm(u.tr)
	if f.name.Validate() == nil {
		t.Error("an empty name is accepted")
	}
	f.country.SetText("KAZ")
	if f.country.Validate() == nil {
		t.Error("a three-letter country is accepted")
	}
	dir := t.TempDir()
	u.writeCSR(dir, pkix.Name{CommonName: "Qazaq News", Country: []string{"KZ"}}, "c2pa@example.kz")
	l.until(t, "the request to be written", func() bool { return u.win.Canvas().Overlays().Top() != nil })
	st, err := os.Stat(filepath.Join(dir, c2pa.CSRKeyFile))
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("key: %v, mode %v", err, st.Mode())
	}
	if _, err := os.Stat(filepath.Join(dir, c2pa.CSRFile)); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, o := range test.LaidOutObjects(u.win.Canvas().Overlays().Top()) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, filepath.Join(dir, c2pa.CSRFile)) {
			found = true
		}
	}
	if !found {
		t.Error("the dialog does not say where the request is")
	}
}

// taggedMP3 is an MP3 whose ID3 TXXX says AI made it, written by ffmpeg.
func taggedMP3(t *testing.T, dir string) string {
	t.Helper()
	bin, err := exec.LookPath("ffmpeg")
	if err != nil {
		t.Skip("ffmpeg not installed")
	}
	p := filepath.Join(dir, "voice.mp3")
	out, err := exec.Command(bin, "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", "sine=duration=1",
		"-c:a", "libmp3lame", "-metadata", "DigitalSourceType="+labeler.DSTTrained, p).CombinedOutput()
	if err != nil {
		t.Fatalf("ffmpeg: %v\n%s", err, out)
	}
	return p
}

// labeledPhoto is a photo Belgi labeled, through the app's registry.
func labeledPhoto(t *testing.T, dir string) string {
	t.Helper()
	in := writePhoto(t, t.TempDir(), "done.jpg", 320, 200, 9)
	spec := labeler.DefaultSpec()
	spec.Out.Dir = dir
	u, _ := newTestUI(t)
	res := u.reg.Process(tctx(), spec, labeler.Input{Path: in}, nil)
	if res.Status != labeler.StatusOK {
		t.Fatal(res.Err)
	}
	return res.Output
}

// writePhotoWithDST writes a photo whose XMP states a digital source type.
func writePhotoWithDST(t *testing.T, dir, name, dst string) string {
	t.Helper()
	p := writePhoto(t, dir, name, 160, 100, 5)
	b, _ := os.ReadFile(p)
	xmp := `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/" Iptc4xmpExt:DigitalSourceType="` + dst + `"/></rdf:RDF></x:xmpmeta>`
	seg := append([]byte{0xFF, 0xE1, 0, 0}, append([]byte("http://ns.adobe.com/xap/1.0/\x00"), xmp...)...)
	n := len(seg) - 2
	seg[2], seg[3] = byte(n>>8), byte(n)
	out := append(append(append([]byte{}, b[:2]...), seg...), b[2:]...)
	if err := os.WriteFile(p, out, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

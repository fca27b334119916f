package kinds

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"

	"github.com/belgi-kz/belgi/internal/meta"
	"github.com/belgi-kz/belgi/internal/samples"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/provenance/c2pa/c2patest"
)

const aiURI = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"

// check runs Check as `belgi-cli check` does.
func check(t *testing.T, path string) labeler.Report {
	t.Helper()
	rep, err := Default().Check(context.Background(), labeler.DefaultSpec(), path)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func wantUnlabeledByContent(t *testing.T, rep labeler.Report) {
	t.Helper()
	if rep.Labeled || rep.Perceivable != labeler.PerceivableMissing || !slices.Contains(rep.Warnings, labeler.WarnContentLacks) {
		t.Errorf("want not labeled with %q; report %+v", labeler.WarnContentLacks, rep)
	}
}

// labelFile labels the file at in with spec and returns the output.
func labelFile(t *testing.T, in string, spec labeler.Spec) string {
	t.Helper()
	spec.Out.Dir = filepath.Join(t.TempDir(), "out")
	res := Default().Process(context.Background(), spec, labeler.Input{Path: in}, nil)
	if res.Status != labeler.StatusOK {
		t.Fatalf("%s: %s %v", filepath.Base(in), res.Status, res.Err)
	}
	return res.Output
}

func ffmpeg(t *testing.T, args ...string) {
	t.Helper()
	bin, err := exec.LookPath("ffmpeg")
	if err != nil {
		t.Skip("ffmpeg not installed")
	}
	args = append([]string{"-hide_banner", "-loglevel", "error", "-y"}, args...)
	if b, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
		t.Fatalf("ffmpeg %v: %v\n%s", args, err, b)
	}
}

// TestCheckCutNoticeMP3: an MP3 whose spoken notice was cut off with
// `ffmpeg -ss 7 -c copy -map_metadata 0` keeps Belgi's record but not the
// notice: not labeled, with the warning. Whole, it is labeled, by its
// own signed manifest and, with C2PA off, by the notice found in it.
func TestCheckCutNoticeMP3(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "music.mp3")
	ffmpeg(t, "-f", "lavfi", "-i", "sine=frequency=330:duration=12", "-c:a", "libmp3lame", "-b:a", "128k", src)
	out := labelFile(t, src, labeler.DefaultSpec())
	if rep := check(t, out); !rep.Labeled || rep.Perceivable != labeler.PerceivableSigned {
		t.Errorf("whole: %+v", rep)
	}
	cut := filepath.Join(dir, "cut.mp3")
	ffmpeg(t, "-ss", "7", "-i", out, "-c", "copy", "-map_metadata", "0", cut)
	wantUnlabeledByContent(t, check(t, cut))

	off := labeler.DefaultSpec()
	off.C2PA.Off = true
	plain := labelFile(t, src, off)
	if rep := check(t, plain); !rep.Labeled || rep.Perceivable != labeler.PerceivableContent {
		t.Errorf("unsigned, whole: %+v", rep)
	}
	ffmpeg(t, "-ss", "7", "-i", plain, "-c", "copy", "-map_metadata", "0", cut)
	wantUnlabeledByContent(t, check(t, cut))
}

// TestCheckSplicedRecord: Belgi's XMP block spliced into the unlabeled
// photo it came from is a record the content contradicts.
func TestCheckSplicedRecord(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "photo.jpg")
	photo := samples.JPEG(samples.Scene(640, 427, 3), 90, 1)
	if err := os.WriteFile(src, photo, 0o644); err != nil {
		t.Fatal(err)
	}
	off := labeler.DefaultSpec()
	off.C2PA.Off = true
	out := labelFile(t, src, off)
	if rep := check(t, out); !rep.Labeled || rep.Perceivable != labeler.PerceivableContent || !slices.Contains(rep.Layers, labeler.LayerVisible) {
		t.Fatalf("labeled photo: %+v", rep)
	}
	labeled, _ := os.ReadFile(out)
	xmp, _ := meta.ReadXMP(labeled)
	if xmp == nil {
		t.Fatal("no XMP in the output")
	}
	spliced := filepath.Join(dir, "spliced.jpg")
	if err := os.WriteFile(spliced, spliceXMP(photo, xmp), 0o644); err != nil {
		t.Fatal(err)
	}
	rep := check(t, spliced)
	wantUnlabeledByContent(t, rep)
	if slices.Contains(rep.Layers, labeler.LayerVisible) || !slices.Contains(rep.Warnings, labeler.WarnAIUnlabeled) {
		t.Errorf("spliced: layers %v, warnings %v", rep.Layers, rep.Warnings)
	}
}

func spliceXMP(jpg, xmp []byte) []byte {
	seg := append([]byte("http://ns.adobe.com/xap/1.0/\x00"), xmp...)
	return samples.InsertAfterSOI(jpg, samples.Segment(0xE1, seg))
}

// TestCheckReencodedPhotoStaysLabeled: the label survives re-encoding at
// a lower quality and rescaling, which drop the signature's binding.
func TestCheckReencodedPhotoStaysLabeled(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "photo.jpg")
	if err := os.WriteFile(src, samples.JPEG(samples.Scene(800, 600, 5), 92, 1), 0o644); err != nil {
		t.Fatal(err)
	}
	out := labelFile(t, src, labeler.DefaultSpec())
	small := filepath.Join(dir, "small.jpg")
	ffmpeg(t, "-i", out, "-vf", "scale=400:300", "-q:v", "8", "-map_metadata", "0", small)
	// ffmpeg keeps no XMP: put Belgi's record back, as a CMS would.
	labeled, _ := os.ReadFile(out)
	xmp, _ := meta.ReadXMP(labeled)
	b, _ := os.ReadFile(small)
	if err := os.WriteFile(small, spliceXMP(b, xmp), 0o644); err != nil {
		t.Fatal(err)
	}
	if rep := check(t, small); !rep.Labeled || rep.Perceivable != labeler.PerceivableContent {
		t.Errorf("re-encoded: %+v", rep)
	}
}

// TestCheckAIMetadata: AI provenance written by other tools in MP3 (ID3
// TXXX), FLAC (Vorbis comment) and PDF (XMP) is found and, with no Belgi
// label, warned about.
func TestCheckAIMetadata(t *testing.T) {
	dir := t.TempDir()
	mp3 := filepath.Join(dir, "ai.mp3")
	ffmpeg(t, "-f", "lavfi", "-i", "sine=duration=1", "-c:a", "libmp3lame", "-metadata", "DigitalSourceType="+aiURI, mp3)
	flac := filepath.Join(dir, "ai.flac")
	ffmpeg(t, "-f", "lavfi", "-i", "sine=duration=1", "-c:a", "flac", "-metadata", "DIGITALSOURCETYPE="+aiURI, flac)
	pdf := filepath.Join(dir, "ai.pdf")
	xmp := `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/" Iptc4xmpExt:DigitalSourceType="` + aiURI + `"/></rdf:RDF></x:xmpmeta>`
	if err := os.WriteFile(pdf, samples.PDF([]string{"An article"}, xmp), 0o644); err != nil {
		t.Fatal(err)
	}
	for path, where := range map[string]string{mp3: labeler.SourceID3, flac: labeler.SourceVorbis, pdf: labeler.SourceXMP} {
		rep := check(t, path)
		if rep.Labeled || !slices.Contains(rep.Provenance, where) || !slices.Contains(rep.Warnings, labeler.WarnAIUnlabeled) {
			t.Errorf("%s: %+v", filepath.Base(path), rep)
		}
	}
}

// TestCheckNonAIManifests: Content Credentials that declare no AI (a
// c2pa-python WAV saying "empty", a Pixel photo saying computational
// capture and human edits, c2pa-c's test image) raise no AI warning.
func TestCheckNonAIManifests(t *testing.T) {
	for _, name := range []string{"c2pa-python_sample1_signed.wav", "crtool_PXL_20260208_202351558.jpg", "c2pa-c_for_trusted_read.jpg", "c2pa-rs_CACA.jpg"} {
		path := "../../../shared/realworld/c2pa/" + name
		if _, err := os.Stat(path); err != nil {
			t.Skip("corpus missing")
		}
		rep := check(t, path)
		if rep.AIFound() || slices.Contains(rep.Warnings, labeler.WarnAIUnlabeled) || rep.Credentials == nil {
			t.Errorf("%s: %+v", name, rep)
		}
	}
	rep := check(t, "../../../shared/realworld/c2pa/c2pa-ts_amazon-titan-g1.png")
	if !rep.AIFound() || !slices.Contains(rep.Warnings, labeler.WarnAIUnlabeled) {
		t.Errorf("Titan (AI-generated): %+v", rep)
	}
}

// TestCheckAgreesWithReferenceOnPDF: Content Credentials in PDF (the
// document kind's container) get the reference implementation's verdict
// too: Adobe's signed PDF, and Belgi's own PDF whole and with one byte
// of its content changed.
func TestCheckAgreesWithReferenceOnPDF(t *testing.T) {
	adobe := "../../../shared/realworld/c2pa/c2pa-public-testfiles_adobe-20240110-single_manifest_store.pdf"
	dir := t.TempDir()
	src := filepath.Join(dir, "article.pdf")
	if err := os.WriteFile(src, samples.PDF([]string{"An article"}, ""), 0o644); err != nil {
		t.Fatal(err)
	}
	own := labelFile(t, src, labeler.DefaultSpec())
	b, _ := os.ReadFile(own)
	i := bytes.Index(b, []byte("An article"))
	b[i] ^= 0x20
	tampered := filepath.Join(dir, "tampered.pdf")
	if err := os.WriteFile(tampered, b, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{adobe, own, tampered} {
		if _, err := os.Stat(path); err != nil {
			continue
		}
		v := c2patest.Reference(t, path, "")
		rep := check(t, path)
		want := slices.Compact(slices.Sorted(slices.Values(append(v.Failures, v.Deltas...))))
		var got []string
		if rep.Credentials != nil {
			got = slices.Compact(slices.Sorted(slices.Values(rep.Credentials.Failures)))
		}
		if rep.Credentials == nil || rep.Credentials.State != v.State || !slices.Equal(got, want) {
			t.Errorf("%s: Belgi %+v, reference %s %v", filepath.Base(path), rep.Credentials, v.State, want)
		}
	}
}

package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/internal/samples"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/kindtest"
)

func cli(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestUsageErrorsExit2(t *testing.T) {
	for _, args := range [][]string{nil, {"frobnicate"}, {"label"}, {"label", "-size", "40", "x.jpg"}, {"label", "-lang", "de", "x.jpg"}, {"check"}} {
		if code, _, _ := cli(t, args...); code != exitUsage {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

// TestLabelJSONAndExitCodes: a batch with one bad file reports one JSON
// line per input, labels the rest, exits 1, and leaves inputs as they were.
func TestLabelJSONAndExitCodes(t *testing.T) {
	dir := t.TempDir()
	photo := samples.JPEG(samples.Scene(160, 120, 1), 90, 1)
	os.WriteFile(filepath.Join(dir, "a.jpg"), photo, 0o644)
	os.WriteFile(filepath.Join(dir, "b.jpg"), []byte("not a picture"), 0o644)
	out := filepath.Join(t.TempDir(), "out")
	code, stdout, _ := cli(t, "label", "-json", "-out", out, dir)
	if code != exitFail {
		t.Errorf("exit %d, want 1", code)
	}
	lines := map[string]labelLine{}
	for _, l := range strings.Split(strings.TrimSpace(stdout), "\n") {
		var ll labelLine
		if err := json.Unmarshal([]byte(l), &ll); err != nil {
			t.Fatalf("not JSON: %q", l)
		}
		lines[filepath.Base(ll.Input)] = ll
	}
	a, b := lines["a.jpg"], lines["b.jpg"]
	if a.Status != "ok" || a.Kind != "image" || strings.Join(a.Layers, ",") != "visible,xmp,c2pa" || !filepath.IsAbs(a.Output) {
		t.Errorf("a.jpg: %+v", a)
	}
	if b.Status != "error" || !strings.HasPrefix(b.Error, "b.jpg: decode: ") || b.Stage != "decode" {
		t.Errorf("b.jpg: %+v", b)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "a.jpg")); !bytes.Equal(got, photo) {
		t.Error("input changed")
	}
	// Again: the output exists, so the file is skipped and all is well.
	os.Remove(filepath.Join(dir, "b.jpg"))
	if code, stdout, _ := cli(t, "label", "-json", "-out", out, dir); code != exitOK || !strings.Contains(stdout, `"status":"skipped"`) {
		t.Errorf("second run: exit %d, %s", code, stdout)
	}
}

// TestCheckWarnsOnAIWithoutLabel: XMP saying "made by AI" but no Belgi
// label is what check exists to catch.
func TestCheckWarnsOnAIWithoutLabel(t *testing.T) {
	dir := t.TempDir()
	xmp := `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/" Iptc4xmpExt:DigitalSourceType="http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"/></rdf:RDF></x:xmpmeta>`
	seg := samples.Segment(0xE1, append([]byte("http://ns.adobe.com/xap/1.0/\x00"), xmp...))
	p := filepath.Join(dir, "generated.jpg")
	os.WriteFile(p, samples.InsertAfterSOI(samples.JPEG(samples.Scene(64, 48, 2), 85, 1), seg), 0o644)
	code, stdout, _ := cli(t, "check", "-json", p)
	var got checkLine
	if err := json.Unmarshal([]byte(stdout), &got); err != nil || code != exitOK {
		t.Fatalf("exit %d, %q", code, stdout)
	}
	if got.Labeled || !strings.HasSuffix(got.DigitalSourceType, "trainedAlgorithmicMedia") || len(got.Warnings) == 0 {
		t.Errorf("check = %+v, want unlabeled AI with a warning", got)
	}
	// Once labeled, check reports it and stops warning.
	cli(t, "label", p)
	_, stdout, _ = cli(t, "check", "-json", filepath.Join(dir, "labeled", "generated.jpg"))
	got = checkLine{}
	json.Unmarshal([]byte(stdout), &got)
	if !got.Labeled || len(got.Warnings) != 0 {
		t.Errorf("after labeling: %+v", got)
	}
}

// TestMain keeps the development C2PA identity out of the user's home.
func TestMain(m *testing.M) { kindtest.Main(m) }

// TestMissingFFmpegIsAClearPerFileError: without ffmpeg on PATH a video
// gets an error naming the install command, and the photo beside it is
// still labeled.
func TestMissingFFmpegIsAClearPerFileError(t *testing.T) {
	ff, err := exec.LookPath("ffmpeg")
	if err != nil {
		t.Skip("ffmpeg not installed: cannot make the clip")
	}
	dir := t.TempDir()
	clip := filepath.Join(dir, "clip.mp4")
	if out, err := exec.Command(ff, "-v", "error", "-f", "lavfi", "-i", "testsrc=s=160x120:d=1", "-pix_fmt", "yuv420p", clip).CombinedOutput(); err != nil {
		t.Fatalf("ffmpeg: %v %s", err, out)
	}
	os.WriteFile(filepath.Join(dir, "photo.jpg"), samples.JPEG(samples.Scene(96, 64, 4), 85, 1), 0o644)
	t.Setenv("PATH", t.TempDir())
	code, stdout, _ := cli(t, "label", "-json", dir)
	if code != exitFail {
		t.Errorf("exit %d, want 1", code)
	}
	for _, l := range strings.Split(strings.TrimSpace(stdout), "\n") {
		var ll labelLine
		json.Unmarshal([]byte(l), &ll)
		switch filepath.Base(ll.Input) {
		case "clip.mp4":
			if ll.Status != "error" || !strings.Contains(ll.Error, "apt-get install ffmpeg") || !strings.Contains(ll.Error, "clip.mp4") {
				t.Errorf("clip: %+v", ll)
			}
		case "photo.jpg":
			if ll.Status != "ok" {
				t.Errorf("photo: %+v", ll)
			}
		}
	}
}

func TestProgressDetail(t *testing.T) {
	cases := []struct {
		ev   labeler.Event
		want string
	}{
		{labeler.Event{Fraction: 0}, ""},
		{labeler.Event{Fraction: 0.42}, " 42%"},
		{labeler.Event{Fraction: 0.42, Remaining: 83 * time.Second}, " 42% 1:23 left"},
		{labeler.Event{Fraction: 1, Result: &labeler.Result{}}, ""},
	}
	for _, c := range cases {
		if got := progressDetail(c.ev); got != c.want {
			t.Errorf("%+v: %q, want %q", c.ev, got, c.want)
		}
	}
}

// TestHardwareEncoderRefused: without the hardware, asking for it is a
// usage error that says so, before any file is touched.
func TestHardwareEncoderRefused(t *testing.T) {
	dir := t.TempDir()
	fake := filepath.Join(dir, "ffmpeg")
	script := "#!/bin/sh\ncase \"$*\" in *-encoders*) echo 'Encoders:'; echo ' ------'; echo ' V....D h264_nvenc NVENC'; exit 0;; esac\n" +
		"echo 'Cannot load libcuda.so.1' >&2\nexit 1\n"
	if err := os.WriteFile(fake, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("BELGI_FFMPEG", fake)
	ffmpeg.ForgetProbes()
	t.Cleanup(ffmpeg.ForgetProbes)
	var out, errb bytes.Buffer
	code := run([]string{"label", "-video-encoder", "nvenc", filepath.Join(dir, "none.mp4")}, &out, &errb)
	if code != exitUsage || !strings.Contains(errb.String(), "no working nvenc encoder") || !strings.Contains(errb.String(), "none works here") {
		t.Errorf("exit %d, stderr %q", code, errb.String())
	}
}

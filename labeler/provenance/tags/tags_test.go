package tags

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/labeler"
)

const aiURI = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"

// tagged makes a one-second file of ext carrying metadata key=value,
// written by ffmpeg (a writer Belgi did not make).
func tagged(t testing.TB, ext, key, value string) string {
	t.Helper()
	bin, err := exec.LookPath("ffmpeg")
	if err != nil {
		t.Skip("ffmpeg not installed")
	}
	args := map[string][]string{
		"mp3":  {"-c:a", "libmp3lame"},
		"flac": {"-c:a", "flac"},
		"ogg":  {"-c:a", "libvorbis"},
		"opus": {"-c:a", "libopus"},
		"m4a":  {"-c:a", "aac", "-movflags", "use_metadata_tags"},
		"mkv":  {"-c:a", "flac"},
		"webm": {"-c:a", "libopus"},
		"mov":  {"-c:a", "aac"},
	}[ext]
	out := filepath.Join(t.TempDir(), "a."+ext)
	cmd := append([]string{"-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=1"}, args...)
	cmd = append(cmd, "-metadata", key+"="+value, "-metadata", "title=Belgi test", out)
	if b, err := exec.Command(bin, cmd...).CombinedOutput(); err != nil {
		t.Fatalf("ffmpeg %s: %v\n%s", ext, err, b)
	}
	return out
}

// TestAIInTags: a digital source type written by another tool in ID3
// TXXX (MP3), Vorbis comments (FLAC, Ogg Vorbis, Opus), MP4 keys (M4A),
// Matroska tags (MKV, WebM) and QuickTime (MOV) is found, and counts as AI.
func TestAIInTags(t *testing.T) {
	cases := []struct{ ext, key, where string }{
		{"mp3", "DigitalSourceType", labeler.SourceID3},
		{"flac", "DIGITALSOURCETYPE", labeler.SourceVorbis},
		{"ogg", "DIGITALSOURCETYPE", labeler.SourceVorbis},
		{"opus", "DigitalSourceType", labeler.SourceVorbis},
		{"m4a", "DigitalSourceType", labeler.SourceMP4},
		{"mkv", "DIGITAL_SOURCE_TYPE", labeler.SourceMatroska},
		{"webm", "DIGITAL_SOURCE_TYPE", labeler.SourceMatroska},
		{"mov", "comment", labeler.SourceMP4},
	}
	for _, c := range cases {
		t.Run(c.ext, func(t *testing.T) {
			path := tagged(t, c.ext, c.key, aiURI)
			var rep labeler.Report
			if err := (Examiner{}).Examine(context.Background(), labeler.Spec{}, path, &rep); err != nil {
				t.Fatal(err)
			}
			if !rep.AIFound() || !slices.Contains(rep.Provenance, c.where) || rep.DigitalSourceType != aiURI {
				found, _ := ReadFile(path)
				t.Errorf("report %+v; tags %+v", rep, found)
			}
		})
	}
}

// TestNonAITagIsNotAI: a camera's digitalCapture is a source, not AI.
func TestNonAITagIsNotAI(t *testing.T) {
	path := tagged(t, "flac", "DIGITALSOURCETYPE", "http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture")
	var rep labeler.Report
	if err := (Examiner{}).Examine(context.Background(), labeler.Spec{}, path, &rep); err != nil {
		t.Fatal(err)
	}
	if rep.AIFound() || len(rep.Declarations) != 1 || rep.Declarations[0].AI {
		t.Errorf("report %+v", rep)
	}
}

// TestTitlesAgreeWithFFprobe: on real files of the corpus, the readers
// find the title ffprobe reads, so they walk each container correctly.
func TestTitlesAgreeWithFFprobe(t *testing.T) {
	files, _ := filepath.Glob("../../../../shared/realworld/audio/*")
	more, _ := filepath.Glob("../../../../shared/realworld/video/*")
	files = append(files, more...)
	if len(files) == 0 {
		t.Skip("the shared corpus is not here")
	}
	checked := 0
	for _, f := range files {
		title := ffprobeTitle(t, f)
		found, err := ReadFile(f)
		if title == "" || (found == nil && err == nil) {
			continue
		}
		checked++
		if !hasValue(found, title) {
			t.Errorf("%s: ffprobe reads title %q, Belgi read %+v (%v)", filepath.Base(f), title, found, err)
		}
	}
	t.Logf("%d corpus files with a title read", checked)
	if checked < 5 {
		t.Errorf("only %d corpus files with a title were read", checked)
	}
}

func hasValue(tags []Tag, v string) bool {
	for _, t := range tags {
		if strings.TrimSpace(t.Value) == v {
			return true
		}
	}
	return false
}

func ffprobeTitle(t *testing.T, path string) string {
	bin, err := exec.LookPath("ffprobe")
	if err != nil {
		t.Skip("ffprobe not installed")
	}
	out, err := exec.Command(bin, "-v", "quiet", "-print_format", "json", "-show_format", "-show_streams", path).Output()
	if err != nil {
		return ""
	}
	var info struct {
		Format struct {
			Tags map[string]string `json:"tags"`
		} `json:"format"`
		Streams []struct {
			Tags map[string]string `json:"tags"`
		} `json:"streams"`
	}
	if json.Unmarshal(out, &info) != nil {
		return ""
	}
	for k, v := range info.Format.Tags {
		if strings.EqualFold(k, "title") {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// FuzzRead: no input makes a reader panic or read without bound.
func FuzzRead(f *testing.F) {
	for _, ext := range []string{"mp3", "flac", "ogg", "m4a", "mkv"} {
		if p, err := os.ReadFile(seedPath(f, ext)); err == nil {
			f.Add(p)
		}
	}
	f.Add([]byte("ID3\x04\x00\x00\x00\x00\x00\x20TXXX\x00\x00\x00\x10\x00\x00\x00DST\x00x"))
	f.Add([]byte("fLaC\x84\x00\x00\x08\x00\x00\x00\x00\x01\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = Read(bytes.NewReader(data), int64(len(data)))
	})
}

// seedPath makes a tagged file for the fuzzer's seeds when ffmpeg is
// there; "" otherwise.
func seedPath(f *testing.F, ext string) string {
	if _, err := exec.LookPath("ffmpeg"); err != nil {
		return ""
	}
	return tagged(f, ext, "DigitalSourceType", aiURI)
}

package audio_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/internal/ogg"
	"github.com/belgi-kz/belgi/labeler"
)

// sourceComments are comments real Ogg files carry that ffmpeg's muxer
// renames (COMMENT becomes DESCRIPTION), drops (DISC) or merges (two
// values of one key), and one long enough to span pages.
var sourceComments = []string{"TITLE=Жаңалықтар", "COMMENT=the comments", "DISC=4", "DISCNUMBER=4/5",
	"ARTIST=Aigerim", "ARTIST=Daniyar", "lyrics=la la", "COMPILATION=1", "REPLAYGAIN_TRACK_GAIN=-6.00 dB",
	"NOTES=" + strings.Repeat("ұзақ ", 20000)}

// withComments replaces an Ogg file's comment header with list, as a
// tagger would write it.
func withComments(t *testing.T, path string, list []string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := ogg.FirstSound(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	cm, err := s.Comments()
	if err != nil {
		t.Fatal(err)
	}
	cm.Vendor, cm.List = "Xiph.Org libVorbis I 20200704 (Reducing Environment)", list
	headers := slices.Clone(s.Headers)
	headers[1] = cm.Packet(s.Codec, len(headers) == 2)
	var out bytes.Buffer
	if err := ogg.Rewrite(bytes.NewReader(b), int64(len(b)), &out, s, headers); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func oggComments(t *testing.T, path string) *ogg.Comments {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := ogg.Verify(bytes.NewReader(b), int64(len(b))); err != nil {
		t.Fatalf("%s: %v", filepath.Base(path), err)
	}
	s, err := ogg.FirstSound(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	cm, err := s.Comments()
	if err != nil {
		t.Fatal(err)
	}
	return cm
}

// TestOggKeepsSourceComments: ffmpeg renamed COMMENT to DESCRIPTION and
// dropped DISC. The labeled copy carries the source's comments exactly,
// in order, then Belgi's two marks; the vendor string is the source's
// when the programme was copied.
func TestOggKeepsSourceComments(t *testing.T) {
	need(t, "ffmpeg", "ffprobe")
	for _, tc := range []struct {
		name   string
		args   []string
		copied bool
	}{
		{"a.ogg", []string{"-c:a", "libvorbis", "-b:a", "96k"}, false},
		{"a.opus", []string{"-c:a", "libopus", "-b:a", "64k"}, true},
		{"a.oga", []string{"-c:a", "flac"}, false},
		{"a.spx", []string{"-c:a", "libspeex", "-ar", "16000"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := generate(t, t.TempDir(), tc.name, tc.args...)
			withComments(t, in, sourceComments)
			res := process(t, in)
			if res.Status != labeler.StatusOK {
				t.Fatalf("%s: %v", res.Status, res.Err)
			}
			got := oggComments(t, res.Output)
			n := len(sourceComments)
			if len(got.List) != n+2 || !slices.Equal(got.List[:n], sourceComments) ||
				!strings.HasPrefix(got.List[n], "DIGITALSOURCETYPE=") || !strings.HasPrefix(got.List[n+1], "XMP=") {
				t.Errorf("comments %.300q", got.List)
			}
			if copied := got.Vendor == oggComments(t, in).Vendor; copied != tc.copied {
				t.Errorf("vendor %q (programme copied: %v)", got.Vendor, tc.copied)
			}
		})
	}
}

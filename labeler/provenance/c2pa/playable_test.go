package c2pa

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/belgi-kz/belgi/labeler"
)

// TestSignedMediaStillPlays: ffmpeg decodes every signed audio and video
// file without a complaint, so the moved chunk offsets (MP4, MOV, M4A),
// the ID3 tag in front of FLAC and the extra RIFF chunk break nothing.
func TestSignedMediaStillPlays(t *testing.T) {
	bin, err := exec.LookPath("ffmpeg")
	if err != nil {
		t.Skip("ffmpeg not installed")
	}
	s, _ := devIdentity(t)
	for _, format := range []string{"wav", "mp3", "flac", "m4a", "mp4", "mov", "avi"} {
		out := signBytes(t, asset(t, format), format, ManifestFor(specFor(labeler.Generated), "a", ""), s)
		path := filepath.Join(t.TempDir(), "signed."+format)
		if err := os.WriteFile(path, out, 0o644); err != nil {
			t.Fatal(err)
		}
		b, err := exec.Command(bin, "-v", "error", "-xerror", "-i", path, "-f", "null", "-").CombinedOutput()
		if err != nil || len(b) > 0 {
			t.Errorf("%s: ffmpeg: %v\n%s", format, err, b)
		}
	}
}

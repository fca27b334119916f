package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
)

// TestExportAssets: the action writes the pack into the chosen folder
// and the status bar says so.
func TestExportAssets(t *testing.T) {
	if _, err := ffmpeg.Find("ffmpeg"); err != nil {
		t.Skip("ffmpeg is not installed")
	}
	u, l := newTestUI(t)
	dir := t.TempDir()
	u.writeAssets(dir)
	l.until(t, "the assets", func() bool {
		return strings.Contains(u.bar.message.Text, "README.txt") || strings.Contains(u.bar.message.Text, "not")
	})
	if msg := u.bar.message.Text; !strings.Contains(msg, "label assets written") {
		t.Fatalf("status %q", msg)
	}
	for _, name := range []string{"belgi-badge.png", "belgi-badge.mov", "belgi-notice.wav", "README.txt", "belgi-assets.json"} {
		if st, err := os.Stat(filepath.Join(dir, name)); err != nil || st.Size() == 0 {
			t.Errorf("%s: %v", name, err)
		}
	}
}

package audio

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/belgi-kz/belgi/internal/wav"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/kindtest"
)

// TestConformance runs the suite every media kind passes, through the
// real core: both layers, originals untouched, clear errors, no leftovers.
func TestConformance(t *testing.T) {
	needTool(t, "ffmpeg")
	p := programme(44100, 2, 2)
	var w bytes.Buffer
	if err := wav.Write(&w, wav.NewFormat(wav.TagPCM, 16, p.Rate, p.Channels), p); err != nil {
		t.Fatal(err)
	}
	mp3 := encodeFixture(t, t.TempDir(), "song.mp3", p, "-c:a", "libmp3lame", "-b:a", "128k")
	mp3Data, err := os.ReadFile(mp3)
	if err != nil {
		t.Fatal(err)
	}
	both := []string{labeler.LayerSpoken, labeler.LayerXMP}
	kindtest.Run(t, New(), labeler.DefaultSpec(), []kindtest.Fixture{
		{Name: "talk.wav", Data: w.Bytes(), Layers: both},
		{Name: filepath.Base(mp3), Data: mp3Data, Layers: both},
		{Name: "empty.mp3", Bad: true},
		{Name: "caption.mp3", Data: []byte("this is a caption, not a song\n"), Bad: true},
		{Name: "cut.wav", Data: w.Bytes()[:30], Bad: true},
	})
}

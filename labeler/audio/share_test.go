package audio

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/belgi-kz/belgi/internal/pcm"
	"github.com/belgi-kz/belgi/internal/wav"
	"github.com/belgi-kz/belgi/labeler"
)

// in-eci wants the disclosure to fill the first 10 % of a recording: the
// notice repeats until it does; other profiles keep it as it is.
func TestFillShare(t *testing.T) {
	notice := &pcm.PCM{Rate: 1000, Channels: 2, Samples: make([]float32, 2*3000)} // 3 s
	eci, _ := labeler.SpecFor("in-eci")
	cases := []struct {
		spec      labeler.Spec
		programme int64
		want      int
	}{
		{eci, 600_000, 3000 + 17*3500}, // 10 min at 1 kHz: 60 s wanted; 3 s, then 17 × (0.5 s gap + 3 s) make 62.5 s
		{eci, 20_000, 3000},            // 20 s: 2 s wanted, the notice alone fills it
		{labeler.DefaultSpec(), 600_000, 3000},
	}
	for i, c := range cases {
		if got := fillShare(notice, c.programme, c.spec).Frames(); got != c.want {
			t.Errorf("case %d: %d frames, want %d", i, got, c.want)
		}
	}
}

// A WAV labeled under in-eci carries the repeated notice at its start.
func TestInECIFillsTheFirstTenthOfAWAV(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "a.wav")
	writeWAV(t, src, wav.PCM16(22050, 1), programme(22050, 1, 120))
	spec, _ := labeler.SpecFor("in-eci")
	single := noticeFrames(t, labeler.DefaultSpec(), 22050, 1)
	out := labelFile(t, src, spec).Output
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	p, err := wav.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	added := int64(p.Frames()) - 120*22050
	if added < 12*22050 || added < 2*int64(single) {
		t.Errorf("%d frames added (one notice is %d): want the first 10 %% of 120 s filled", added, single)
	}
}

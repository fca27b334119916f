package audio

import (
	"bytes"
	"context"
	"image/color"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/internal/loudness"
	"github.com/belgi-kz/belgi/internal/wav"
	"github.com/belgi-kz/belgi/labeler"
)

func TestNoticeLayoutsAndLoudness(t *testing.T) {
	spec := labeler.DefaultSpec()
	for _, tc := range []struct {
		rate, ch int
		lufs     float64
	}{
		{8000, 1, -23}, {16000, 1, -30}, {22050, 2, -16}, {44100, 2, -23},
		{48000, 6, -23}, {96000, 2, -14},
	} {
		p, err := Notice(context.Background(), spec, tc.rate, tc.ch, tc.lufs)
		if err != nil {
			t.Fatal(err)
		}
		if p.Rate != tc.rate || p.Channels != tc.ch {
			t.Errorf("%d Hz × %d: got %d × %d", tc.rate, tc.ch, p.Rate, p.Channels)
		}
		if got := loudness.Integrated(p.Samples, p.Rate, p.Channels); math.Abs(got-tc.lufs) > 1 {
			t.Errorf("%d Hz × %d: %.2f LUFS, want %.0f ±1", tc.rate, tc.ch, got, tc.lufs)
		}
		if pk := p.Peak(); pk > ceiling+1e-3 {
			t.Errorf("%d Hz × %d: peak %.3f over the ceiling", tc.rate, tc.ch, pk)
		}
	}
}

// TestBilingualPlaysBoth: kk+ru is kk's clip, a pause, ru's clip.
func TestBilingualPlaysBoth(t *testing.T) {
	length := func(langs ...labeler.Lang) float64 {
		spec := labeler.DefaultSpec()
		spec.Langs = langs
		p, err := Notice(context.Background(), spec, 22050, 1, -23)
		if err != nil {
			t.Fatal(err)
		}
		return p.Duration().Seconds()
	}
	kk, ru, both := length(labeler.Kazakh), length(labeler.Russian), length(labeler.Kazakh, labeler.Russian)
	if d := both - (kk + ru + linePause.Seconds()); math.Abs(d) > 0.01 {
		t.Errorf("kk %.2f s + ru %.2f s + pause ≠ kk+ru %.2f s", kk, ru, both)
	}
	spec := labeler.DefaultSpec()
	spec.Audio.Cue, spec.RealPerson = true, true
	p, err := Notice(context.Background(), spec, 22050, 1, -23)
	if err != nil {
		t.Fatal(err)
	}
	if p.Duration().Seconds() < both+2 {
		t.Errorf("cue and real-person lines add only %.2f s", p.Duration().Seconds()-both)
	}
}

func TestNoticeFromCustomRecordingAndText(t *testing.T) {
	dir := t.TempDir()
	clip := filepath.Join(dir, "mine.wav")
	writeWAV(t, clip, wav.PCM16(16000, 2), programme(16000, 2, 2))
	spec := labeler.DefaultSpec()
	spec.Audio.CustomClip = clip
	p, err := Notice(context.Background(), spec, 48000, 2, -23)
	if err != nil || math.Abs(p.Duration().Seconds()-2) > 0.1 {
		t.Fatalf("custom WAV notice: %v, %v", p.Duration(), err)
	}
	needTool(t, "ffmpeg")
	mp3Clip := encodeFixture(t, dir, "mine.mp3", programme(44100, 1, 1.5), "-b:a", "96k")
	spec.Audio.CustomClip = mp3Clip
	if _, err := Notice(context.Background(), spec, 44100, 2, -23); err != nil {
		t.Errorf("custom MP3 notice: %v", err)
	}
	spec.Audio.CustomClip = ""
	spec.Custom = map[labeler.Lang]string{labeler.Kazakh: "Бұл жасанды интеллект"}
	_, err = Notice(context.Background(), spec, 44100, 2, -23)
	if _, missing := ffmpeg.Find("espeak-ng"); missing != nil {
		if err == nil || !strings.Contains(err.Error(), "apt-get install espeak-ng") {
			t.Errorf("without espeak-ng: %v, want the install command", err)
		}
		return
	}
	if err != nil {
		t.Errorf("custom text: %v", err)
	}
}

func TestMissingEspeakNamesInstallCommand(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	spec := labeler.DefaultSpec()
	spec.Custom = map[labeler.Lang]string{labeler.Kazakh: "-v en --help"}
	_, err := Notice(context.Background(), spec, 44100, 2, -23)
	if err == nil || !strings.Contains(err.Error(), "sudo apt-get install espeak-ng") {
		t.Errorf("got %v", err)
	}
}

func TestWriteNoticeWAV(t *testing.T) {
	var b bytes.Buffer
	if err := WriteNoticeWAV(context.Background(), &b, labeler.DefaultSpec(), 44100, 2, -23); err != nil {
		t.Fatal(err)
	}
	p, err := wav.Decode(b.Bytes())
	if err != nil || p.Rate != 44100 || p.Channels != 2 {
		t.Fatalf("%v %v", p, err)
	}
}

func TestPreviewHighlightsNotice(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "p.wav")
	writeWAV(t, in, wav.PCM16(44100, 2), programme(44100, 2, 40))
	img, err := New().(labeler.Previewer).Preview(context.Background(), in, labeler.DefaultSpec(), 600)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 600 || b.Dy() != 150 {
		t.Fatalf("preview is %v", b)
	}
	top := func(x int) color.Color { return img.At(x, 0) }
	if top(2) != color.Color(noticeBand) || top(590) != color.Color(waveBG) {
		t.Errorf("notice band not where the notice is: %v at start, %v at end", top(2), top(590))
	}
	r, err := Render(context.Background(), in, labeler.DefaultSpec(), 10)
	if err != nil || r.PCM.Duration().Seconds() != 10 || r.NoticeEnd <= 0 {
		t.Errorf("Render: %v, %v", r, err)
	}
}

// TestBadInputs: each bad file gets its own clear error; the good file in
// the same batch is labeled; no original changes.
func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.wav")
	writeWAV(t, good, wav.PCM16(8000, 1), programme(8000, 1, 2))
	whole, _ := os.ReadFile(good)
	files := map[string][]byte{
		"empty.wav":     nil,
		"truncated.wav": whole[:len(whole)/3],
		"text.mp3":      []byte("this is a text file pretending to be an MP3\n"),
		"tagonly.mp3":   []byte("ID3\x03\x00\x00\x00\x00\x00\x0aTIT2\x00\x00\x00\x00\x00\x00"),
		"header.wav":    whole[:44],
	}
	for name, b := range files {
		os.WriteFile(filepath.Join(dir, name), b, 0o644)
	}
	reg := labeler.NewRegistry(New())
	inputs, _ := reg.Expand([]string{dir}, labeler.Output{})
	spec := labeler.DefaultSpec()
	results := labeler.Batch{Registry: reg, Spec: spec, Jobs: 2}.Run(context.Background(), inputs)
	want := map[string]string{
		"empty.wav": "empty", "truncated.wav": "truncated", "text.mp3": "text/plain",
		"tagonly.mp3": "no MPEG audio frames", "header.wav": "truncated",
	}
	for _, r := range results {
		name := filepath.Base(r.Input)
		if name == "good.wav" {
			if r.Status != labeler.StatusOK {
				t.Errorf("good file: %v", r.Err)
			}
			continue
		}
		if r.Status != labeler.StatusError || r.Err == nil || !strings.Contains(r.Err.Error(), want[name]) {
			t.Errorf("%s: status %s, error %v; want one mentioning %q", name, r.Status, r.Err, want[name])
		}
		if after, _ := os.ReadFile(r.Input); !bytes.Equal(after, files[name]) {
			t.Errorf("%s changed", name)
		}
	}
}

// adtsFrames is n empty ADTS frames of 16 bytes (AAC-LC, 44.1 kHz, mono).
func adtsFrames(n int) []byte {
	f := []byte{0xFF, 0xF1, 0x50, 0x40, 0x02, 0x1F, 0xFC}
	f = append(f, make([]byte, 9)...)
	return bytes.Repeat(f, n)
}

func TestSniff(t *testing.T) {
	for _, tc := range []struct {
		head []byte
		want string
	}{
		{[]byte("RIFF\x00\x00\x00\x00WAVEfmt "), FormatWAV},
		{[]byte("fLaC\x00\x00\x00\x22"), FormatFLAC},
		{append([]byte("OggS"+strings.Repeat("\x00", 22)+"\x01\x1e"), []byte("\x01vorbis\x00")...), FormatVorbis},
		{append([]byte("OggS"+strings.Repeat("\x00", 22)+"\x01\x13"), []byte("OpusHead")...), FormatOpus},
		{append([]byte("OggS"+strings.Repeat("\x00", 22)+"\x01\x2a"), []byte("\x80theora\x00")...), ""},
		{append([]byte("OggS"+strings.Repeat("\x00", 22)+"\x01\x33"), []byte("\x7fFLAC\x01")...), FormatOggFLAC},
		{append([]byte("OggS"+strings.Repeat("\x00", 22)+"\x01\x50"), []byte("Speex   1.2")...), FormatSpeex},
		{[]byte("FORM\x00\x00\x00\x00AIFFCOMM"), FormatAIFF},
		{[]byte("#!AMR-WB\n"), FormatAMR},
		{[]byte("MAC \x96\x0f\x00\x00"), FormatAPE},
		{[]byte("DSD \x1c\x00\x00\x00"), FormatDSF},
		{[]byte("wvpk\x20\x00\x00\x00"), FormatWavPack},
		{[]byte("RF64\xff\xff\xff\xffWAVEds64"), FormatWAV},
		{[]byte("BW64\xff\xff\xff\xffWAVEds64"), FormatWAV},
		{append(adtsFrames(2), 0), FormatADTS},
		{adtsFrames(1), ""},
		{[]byte("\x1aE\xdf\xa3\x9fB\x86\x81\x01"), ""},
		{[]byte("\x00\x00\x00\x20ftypM4A \x00\x00\x00\x00"), FormatM4A},
		{[]byte("\x00\x00\x00\x20ftypisom\x00\x00\x00\x00"), ""},
		{[]byte("ID3\x04\x00\x00\x00\x00\x00\x00"), FormatMP3},
		{[]byte("plain text"), ""},
	} {
		if got := sniff(tc.head); got != tc.want {
			t.Errorf("sniff(%q) = %q, want %q", tc.head[:8], got, tc.want)
		}
	}
}

// TestTarget holds the one loudness rule for notices, which videos share
// through NoticeBeside: the spec's loudness wins, an unknown programme
// gets EBU R128's level, a measured one is matched within bounds.
func TestTarget(t *testing.T) {
	for _, tc := range []struct{ programme, spec, want float64 }{
		{math.Inf(-1), 0, DefaultLUFS},
		{math.NaN(), 0, DefaultLUFS},
		{math.Inf(-1), -30, -30},
		{-18, -28, -28},
		{-18, 0, -18},
		{-50, 0, minMatchLUFS},
		{-5, 0, maxMatchLUFS},
	} {
		if got := Target(tc.programme, labeler.AudioSpec{TargetLUFS: tc.spec}); got != tc.want {
			t.Errorf("Target(%v, %v) = %v, want %v", tc.programme, tc.spec, got, tc.want)
		}
	}
}

// TestNoticeBeside: the WAV it writes is at Target's loudness.
func TestNoticeBeside(t *testing.T) {
	spec := labeler.DefaultSpec()
	spec.Audio.TargetLUFS = -27
	for _, programme := range []float64{math.Inf(-1), -14} {
		var b bytes.Buffer
		if err := NoticeBeside(context.Background(), &b, spec, 48000, 2, programme); err != nil {
			t.Fatal(err)
		}
		p, err := wav.Decode(b.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		if got := loudness.Integrated(p.Samples, p.Rate, p.Channels); math.Abs(got+27) > 0.5 {
			t.Errorf("programme %v: notice at %.1f LUFS, want -27", programme, got)
		}
	}
}

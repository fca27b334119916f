package audio

import (
	"bytes"
	"context"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/belgi-kz/belgi/internal/loudness"
	"github.com/belgi-kz/belgi/internal/wav"
	"github.com/belgi-kz/belgi/labeler"
)

func TestWAVProgrammeBytesUntouched(t *testing.T) {
	for _, tc := range []struct {
		name string
		f    wav.Format
	}{
		{"8-bit 8 kHz mono", wav.NewFormat(wav.TagPCM, 8, 8000, 1)},
		{"16-bit 22.05 kHz mono", wav.NewFormat(wav.TagPCM, 16, 22050, 1)},
		{"16-bit 44.1 kHz stereo", wav.PCM16(44100, 2)},
		{"24-bit 48 kHz 5.1", wav.NewFormat(wav.TagPCM, 24, 48000, 6)},
		{"float 96 kHz stereo", wav.NewFormat(wav.TagFloat, 32, 96000, 2)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			in := filepath.Join(dir, "p.wav")
			prog := programme(tc.f.Rate, tc.f.Channels, 3)
			writeWAV(t, in, tc.f, prog)
			spec := labeler.DefaultSpec()
			res := labelFile(t, in, spec)
			src, out := dataOf(t, in), dataOf(t, res.Output)
			if !bytes.HasSuffix(out.data, src.data) {
				t.Fatal("the programme's samples are not the output's last bytes")
			}
			want := noticeFrames(t, spec, tc.f.Rate, tc.f.Channels)
			if got := out.info.Frames() - src.info.Frames(); got != int64(want) {
				t.Errorf("output is %d frames longer, want notice+gap = %d", got, want)
			}
			if out.info.Rate != tc.f.Rate || out.info.Channels != tc.f.Channels || out.info.Bits != tc.f.Bits {
				t.Errorf("format changed to %+v", out.info.Format)
			}
			checkLoudness(t, out, src, want)
		})
	}
}

type wavData struct {
	info *wav.File
	data []byte
}

func dataOf(t *testing.T, path string) wavData {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := wav.Parse(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	return wavData{f, b[f.Data.Offset : f.Data.Offset+f.Data.Size]}
}

// checkLoudness: the notice is within ±1 LU of the programme's loudness.
func checkLoudness(t *testing.T, out, src wavData, frames int) {
	t.Helper()
	ba := out.info.BlockAlign
	notice := out.info.Decode(nil, out.data[:frames*ba])
	prog := src.info.Decode(nil, src.data)
	n := loudness.Integrated(notice, out.info.Rate, out.info.Channels)
	p := loudness.Integrated(prog, src.info.Rate, src.info.Channels)
	if math.Abs(n-p) > 1 {
		t.Errorf("notice at %.2f LUFS, programme at %.2f LUFS: more than 1 LU apart", n, p)
	}
}

func TestWAVRepeatsAndEnd(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "long.wav")
	writeWAV(t, in, wav.PCM16(8000, 1), programme(8000, 1, 180))
	spec := labeler.DefaultSpec()
	spec.Audio.AtEnd, spec.Audio.EveryMinutes = true, 1
	res := labelFile(t, in, spec)
	src, out := dataOf(t, in), dataOf(t, res.Output)
	n, err := Notice(context.Background(), spec, 8000, 1, -20)
	if err != nil {
		t.Fatal(err)
	}
	gap := block(n, slot{}, gapOf(spec.Audio)).Frames()
	gapFrames := int64(spec.Audio.GapSeconds * 8000)
	// start (notice+gap), two repeats (gap+notice+gap), end (gap+notice)
	want := src.info.Frames() + 4*int64(gap) + 6*gapFrames
	if got := out.info.Frames(); got != want {
		t.Errorf("output has %d frames, want %d", got, want)
	}
	if !bytes.HasSuffix(out.data[:len(out.data)-2*(gap+int(gapFrames))], src.data[len(src.data)-2*8000*40:]) {
		t.Error("the programme's last 40 s are not intact before the closing notice")
	}
	head := out.data[2*(gap+int(gapFrames)):]
	if !bytes.HasPrefix(head, src.data[:2*8000*50]) {
		t.Error("the programme's first 50 s are not intact after the opening notice")
	}
}

package audio

import (
	"context"
	"math"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/labeler"
)

// TestLossyPlacement labels each compressed format and finds the
// programme in the output by correlation, right after the notice.
func TestLossyPlacement(t *testing.T) {
	needTool(t, "ffmpeg")
	for _, tc := range []struct {
		name     string
		rate, ch int
		args     []string
		copied   bool
		minCorr  float64
	}{
		{"p.mp3", 44100, 2, []string{"-c:a", "libmp3lame", "-b:a", "128k"}, true, 0.97},
		{"mono22.mp3", 22050, 1, []string{"-c:a", "libmp3lame", "-b:a", "64k"}, true, 0.97},
		{"vbr48.mp3", 48000, 2, []string{"-c:a", "libmp3lame", "-q:a", "4"}, true, 0.97},
		{"hi.flac", 96000, 2, []string{"-c:a", "flac", "-sample_fmt", "s32"}, false, 0.9999},
		{"p.ogg", 44100, 2, []string{"-c:a", "libvorbis", "-b:a", "128k"}, true, 0.95},
		{"p.opus", 48000, 2, []string{"-c:a", "libopus", "-b:a", "96k"}, true, 0.95},
		{"p.m4a", 44100, 2, []string{"-c:a", "aac", "-b:a", "128k"}, true, 0.95},
		{"surround.m4a", 48000, 6, []string{"-c:a", "aac", "-b:a", "384k"}, true, 0.95},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			in := encodeFixture(t, dir, tc.name, programme(tc.rate, tc.ch, 6), tc.args...)
			spec := labeler.DefaultSpec()
			res := labelFile(t, in, spec)
			note := strings.Join(res.Notes, " ")
			if copied := strings.Contains(note, "untouched"); copied != tc.copied {
				t.Errorf("copied %v, want %v: %s", copied, tc.copied, note)
			}
			src, out := decodeAll(t, in), decodeAll(t, res.Output)
			lead := noticeFrames(t, spec, tc.rate, tc.ch)
			// Encoder delay and padding: about 3,400 samples for MP3 (the
			// notice's own, plus the programme's, which players trimmed from
			// the source using its LAME tag), at any rate.
			slack := max(tc.rate/10, 4000)
			lag, corr := bestLag(src, out, tc.ch, tc.ch, lead-slack, lead+slack)
			if corr < tc.minCorr {
				t.Errorf("programme found at frame %d (notice %d) with correlation %.4f only", lag, lead, corr)
			}
			if extra := len(out)/tc.ch - len(src)/tc.ch; math.Abs(float64(extra-lead)) > float64(slack) {
				t.Errorf("output is %d frames longer, want about %d", extra, lead)
			}
			checkStream(t, res.Output, tc.rate, tc.ch)
		})
	}
}

func checkStream(t *testing.T, path string, rate, ch int) {
	t.Helper()
	info, err := ffmpeg.Probe(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	s := info.Streams[0]
	if s.SampleRate != strconv.Itoa(rate) || s.Channels != ch {
		t.Errorf("output is %s Hz × %d, want %d × %d", s.SampleRate, s.Channels, rate, ch)
	}
}

// TestExiftoolReadsMarks: exiftool finds DigitalSourceType where it reads
// the container's XMP (WAV _PMX, MP3 ID3 PRIV, M4A uuid) or tags (FLAC
// and Ogg Vorbis comments, which it shows as Vorbis:DigitalSourceType).
func TestExiftoolReadsMarks(t *testing.T) {
	needTool(t, "ffmpeg")
	needTool(t, "exiftool")
	dir := t.TempDir()
	prog := programme(44100, 2, 3)
	files := map[string]string{
		"a.wav":  encodeFixture(t, dir, "a.wav", prog, "-c:a", "pcm_s16le"),
		"a.mp3":  encodeFixture(t, dir, "a.mp3", prog, "-b:a", "128k"),
		"a.m4a":  encodeFixture(t, dir, "a.m4a", prog, "-c:a", "aac"),
		"a.flac": encodeFixture(t, dir, "a.flac", prog),
		"a.ogg":  encodeFixture(t, dir, "a.ogg", prog, "-c:a", "libvorbis"),
	}
	spec := labeler.DefaultSpec()
	spec.AI = labeler.Modified
	for name, in := range files {
		res := labelFile(t, in, spec)
		out, err := exec.Command("exiftool", "-a", "-G1", "-DigitalSourceType", res.Output).CombinedOutput()
		if err != nil {
			t.Fatalf("exiftool %s: %v\n%s", name, err, out)
		}
		if !strings.Contains(string(out), "compositeWithTrainedAlgorithmicMedia") {
			t.Errorf("exiftool does not see the digital source type in %s:\n%s", name, out)
		}
	}
}

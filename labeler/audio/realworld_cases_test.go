package audio_test

// Each test here is a real-world failure of issue 15 reduced to a small
// fixture ffmpeg generates, labeled through the same registry the app
// and the CLI use (sniffing included), and read back with ffprobe.

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/kinds"
)

func need(t testing.TB, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed", tool)
		}
	}
}

// generate has ffmpeg make a fixture from a 3-second tone (input 0);
// args come after the input, the output path last.
func generate(t testing.TB, dir, name string, args ...string) string {
	t.Helper()
	out := filepath.Join(dir, name)
	full := append([]string{"-v", "error", "-y", "-f", "lavfi", "-i", "sine=f=330:r=48000:d=3,volume=0.3"}, args...)
	if msg, err := exec.Command("ffmpeg", append(full, out)...).CombinedOutput(); err != nil {
		t.Fatalf("making %s: %v\n%s", name, err, msg)
	}
	return out
}

// process labels path through the default registry into dir/out.
func process(t testing.TB, path string) labeler.Result {
	t.Helper()
	spec := labeler.DefaultSpec()
	spec.Out.Dir = filepath.Join(filepath.Dir(path), "out")
	return kinds.Default().Process(context.Background(), spec, labeler.Input{Path: path}, nil)
}

func probe(t testing.TB, path string) ffmpeg.Info {
	t.Helper()
	info, err := ffmpeg.Probe(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	return info
}

// TestSoundOnlyContainersAreAudio: a WebM of Opus, an MKA of 5.1 Opus
// and an MP4 of E-AC-3 were sent to the video kind and refused ("has no
// video stream"). They are audio, labeled in their own container and
// codec, and a WebM's audio-stream tags (title, artist, a licence in
// COPYRIGHT) survive.
func TestSoundOnlyContainersAreAudio(t *testing.T) {
	need(t, "ffmpeg", "ffprobe")
	tags := []string{"-metadata:s:a:0", "title=Interview", "-metadata:s:a:0", "artist=Aigerim",
		"-metadata:s:a:0", "COPYRIGHT=CC BY-NC-SA 4.0", "-metadata", "title=Programme"}
	for _, tc := range []struct {
		name  string
		args  []string
		codec string
	}{
		{"voice.webm", append([]string{"-c:a", "libopus", "-b:a", "64k"}, tags...), "opus"},
		{"surround.mka", []string{"-ac", "6", "-c:a", "libopus", "-b:a", "192k"}, "opus"},
		{"dolby.mp4", []string{"-ac", "6", "-c:a", "eac3", "-b:a", "384k"}, "eac3"},
		{"aac.mp4", []string{"-c:a", "aac", "-b:a", "128k"}, "aac"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := generate(t, t.TempDir(), tc.name, tc.args...)
			if k, err := kinds.Default().Detect(in); err != nil || k.Name() != "audio" {
				t.Fatalf("detected as %v (%v), want audio", k, err)
			}
			res := process(t, in)
			if res.Status != labeler.StatusOK || filepath.Ext(res.Output) != filepath.Ext(in) {
				t.Fatalf("%s -> %s: %v", res.Status, res.Output, res.Err)
			}
			src, out := probe(t, in), probe(t, res.Output)
			if out.Streams[0].CodecName != tc.codec || out.Streams[0].Channels != src.Streams[0].Channels {
				t.Errorf("output is %s × %d", out.Streams[0].CodecName, out.Streams[0].Channels)
			}
			for k, v := range src.Streams[0].Tags {
				if k == "ENCODER" || k == "DURATION" || k == "encoder" || k == "handler_name" || k == "vendor_id" {
					continue
				}
				if out.Streams[0].Tags[k] != v {
					t.Errorf("stream tag %s: %q, want %q", k, out.Streams[0].Tags[k], v)
				}
			}
		})
	}
}

// TestFormatsInTheirOwnContainer: AIFF, WavPack, ADTS AAC, Speex, WMA,
// Ogg FLAC and CAF were skipped as "not a media file". They are labeled
// in their own container and codec, and their marks read back.
func TestFormatsInTheirOwnContainer(t *testing.T) {
	need(t, "ffmpeg", "ffprobe")
	for _, tc := range []struct {
		name, format, codec string
		args                []string
	}{
		{"a.aiff", "aiff", "pcm_s16be", []string{"-c:a", "pcm_s16be"}},
		{"a.wv", "wv", "wavpack", []string{"-c:a", "wavpack"}},
		{"a.aac", "aac", "aac", []string{"-c:a", "aac", "-f", "adts"}},
		{"a.spx", "ogg", "speex", []string{"-ar", "16000", "-c:a", "libspeex"}},
		{"a.wma", "asf", "wmav2", []string{"-c:a", "wmav2", "-f", "asf"}},
		{"a.oga", "ogg", "flac", []string{"-c:a", "flac", "-f", "ogg"}},
		{"a.caf", "caf", "alac", []string{"-c:a", "alac"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := generate(t, t.TempDir(), tc.name, tc.args...)
			res := process(t, in)
			if res.Status != labeler.StatusOK {
				t.Fatalf("%s: %v %s", res.Status, res.Err, res.Reason)
			}
			out := probe(t, res.Output)
			if out.Format.FormatName != tc.format || out.Streams[0].CodecName != tc.codec {
				t.Errorf("written as %s/%s, want %s/%s", out.Format.FormatName, out.Streams[0].CodecName, tc.format, tc.codec)
			}
			if res.Check == nil || !res.Check.Labeled {
				t.Errorf("marks do not read back: %+v", res.Check)
			}
		})
	}
}

// TestTruncatedSourcesAreRefused: the first 30 KB of a 45-second MP3 was
// labeled "ok" into 7.7 s. A source cut short — MP3 with or without a
// Xing header, M4A, FLAC, Ogg, Matroska, WAV — is refused as truncated,
// and no output is left.
func TestTruncatedSourcesAreRefused(t *testing.T) {
	need(t, "ffmpeg", "ffprobe")
	for _, tc := range []struct {
		name string
		args []string
		keep float64 // fraction kept
	}{
		{"xing.mp3", []string{"-c:a", "libmp3lame", "-b:a", "128k"}, 0.4},
		{"plain.mp3", []string{"-c:a", "libmp3lame", "-b:a", "128k", "-write_xing", "0"}, 0.4},
		{"a.m4a", []string{"-c:a", "aac", "-movflags", "+faststart"}, 0.5},
		{"a.flac", []string{"-c:a", "flac"}, 0.5},
		{"a.ogg", []string{"-c:a", "libvorbis"}, 0.5},
		{"a.mka", []string{"-c:a", "libopus"}, 0.5},
		{"a.wav", []string{"-c:a", "pcm_s16le"}, 0.5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			whole := generate(t, dir, "whole-"+tc.name, tc.args...)
			b, err := os.ReadFile(whole)
			if err != nil {
				t.Fatal(err)
			}
			cut := filepath.Join(dir, tc.name)
			if err := os.WriteFile(cut, b[:int(float64(len(b))*tc.keep)+3], 0o644); err != nil {
				t.Fatal(err)
			}
			res := process(t, cut)
			if res.Status != labeler.StatusError || !strings.Contains(res.Err.Error(), "truncated") {
				t.Fatalf("%s: %v", res.Status, res.Err)
			}
			if _, err := os.Stat(res.Output); !os.IsNotExist(err) {
				t.Errorf("an output was left: %v", err)
			}
		})
	}
}

// TestCodecWAVs: recorders' WAVs holding IMA or MS ADPCM, G.711 or MPEG
// audio were refused with "convert it first". They are labeled in the
// same codec, their LIST/INFO tags kept.
func TestCodecWAVs(t *testing.T) {
	need(t, "ffmpeg", "ffprobe")
	for _, tc := range []struct {
		codec string
		args  []string
	}{
		{"adpcm_ima_wav", []string{"-ac", "1", "-c:a", "adpcm_ima_wav"}},
		{"adpcm_ms", []string{"-ac", "2", "-c:a", "adpcm_ms"}},
		{"pcm_alaw", []string{"-ar", "8000", "-c:a", "pcm_alaw"}},
		{"pcm_mulaw", []string{"-ar", "8000", "-c:a", "pcm_mulaw"}},
		{"mp3", []string{"-ar", "44100", "-c:a", "libmp3lame", "-b:a", "64k"}},
		{"gsm_ms", []string{"-ar", "8000", "-ac", "1", "-c:a", "libgsm_ms"}},
	} {
		t.Run(tc.codec, func(t *testing.T) {
			in := generate(t, t.TempDir(), "rec.wav", append(tc.args, "-metadata", "title=Field recording")...)
			res := process(t, in)
			if res.Status != labeler.StatusOK {
				t.Fatalf("%s: %v", res.Status, res.Err)
			}
			out := probe(t, res.Output)
			if out.Streams[0].CodecName != tc.codec || out.Format.Tags["title"] != "Field recording" {
				t.Errorf("written as %s, title %q", out.Streams[0].CodecName, out.Format.Tags["title"])
			}
		})
	}
}

// TestADTSStreamCopied: raw ADTS AAC has no header stating its length,
// and ffprobe's bit-rate estimate of a joined speech file is seconds off,
// which used to send every such copy to a needless re-encode. A real
// recording (the corpus's bear) as ADTS is now copied, and its packets
// play the source's length plus the notice's.
func TestADTSStreamCopied(t *testing.T) {
	need(t, "ffmpeg", "ffprobe")
	src := filepath.Join("..", "..", "..", "shared", "realworld", "audio", "androidx-media_bear_with_id3.flac")
	if _, err := os.Stat(src); err != nil {
		t.Skip("the real-world corpus is not here: ", err)
	}
	in := filepath.Join(t.TempDir(), "bear.aac")
	if msg, err := exec.Command("ffmpeg", "-v", "error", "-i", src, "-c:a", "aac", "-f", "adts", in).CombinedOutput(); err != nil {
		t.Fatalf("%v: %s", err, msg)
	}
	res := process(t, in)
	if res.Status != labeler.StatusOK {
		t.Fatalf("%s: %v", res.Status, res.Err)
	}
	if notes := strings.Join(res.Notes, "; "); !strings.Contains(notes, "stream-copied untouched") {
		t.Errorf("not stream-copied: %s", notes)
	}
	before, after := packetSeconds(t, in), packetSeconds(t, res.Output)
	if added := after - before; added < 3 || added > 10 {
		t.Errorf("the copy plays %.2f s, the source %.2f s: %.2f s added, not a notice's length", after, before, added)
	}
}

// packetSeconds is how long a file's first stream plays, by its packets.
func packetSeconds(t *testing.T, path string) float64 {
	t.Helper()
	spans, err := ffmpeg.PacketSpans(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	return spans[0].End - spans[0].Start
}

// TestRawDolbyAsMP4: raw AC-3 (5.1, from the corpus's bear recording)
// and E-AC-3 were skipped as not media. They are labeled into an MP4 of
// the same codec and channels, as long as the source plus the notice,
// that ffmpeg decodes without a word and whose marks read back.
func TestRawDolbyAsMP4(t *testing.T) {
	need(t, "ffmpeg", "ffprobe")
	src := filepath.Join("..", "..", "..", "shared", "realworld", "audio", "androidx-media_bear_with_id3.flac")
	if _, err := os.Stat(src); err != nil {
		t.Skip("the real-world corpus is not here: ", err)
	}
	for _, c := range []struct {
		name, codec, ext string
		args             []string
	}{
		{"bear.ac3", "ac3", ".ac3.mp4", []string{"-ac", "6", "-c:a", "ac3", "-b:a", "384k"}},
		{"bear.eac3", "eac3", ".eac3.mp4", []string{"-c:a", "eac3"}},
	} {
		in := filepath.Join(t.TempDir(), c.name)
		args := append(append([]string{"-v", "error", "-i", src}, c.args...), in)
		if msg, err := exec.Command("ffmpeg", args...).CombinedOutput(); err != nil {
			t.Fatalf("%v: %s", err, msg)
		}
		res := process(t, in)
		if res.Status != labeler.StatusOK || !strings.HasSuffix(res.Output, c.ext) {
			t.Fatalf("%s: %s %v -> %s", c.name, res.Status, res.Err, res.Output)
		}
		before, after := probe(t, in), probe(t, res.Output)
		if after.Streams[0].CodecName != c.codec || after.Streams[0].Channels != before.Streams[0].Channels {
			t.Errorf("%s: written as %s with %d channels", c.name, after.Streams[0].CodecName, after.Streams[0].Channels)
		}
		if added := packetSeconds(t, res.Output) - packetSeconds(t, in); added < 3 || added > 10 {
			t.Errorf("%s: %.2f s added, not a notice's length", c.name, added)
		}
		if msg, err := exec.Command("ffmpeg", "-v", "error", "-i", res.Output, "-f", "null", "-").CombinedOutput(); err != nil || len(msg) > 0 {
			t.Errorf("%s: ffmpeg decoding the copy: %v %s", c.name, err, msg)
		}
		if res.Check == nil || !res.Check.Labeled {
			t.Errorf("%s: marks do not read back: %+v", c.name, res.Check)
		}
	}
}

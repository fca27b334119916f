package audio_test

import (
	"bytes"
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"

	"github.com/belgi-kz/belgi/internal/apetag"
	"github.com/belgi-kz/belgi/internal/wav"
	"github.com/belgi-kz/belgi/labeler"
)

// packWavPack replaces the WavPack file at path with one the WavPack
// tools made, as real ones are: packed from a broadcast WAV (bext with a
// time reference, LIST/INFO, a cue point after the data, all kept in the
// file as its RIFF header and trailer), tagged with text items, a list
// and front cover art.
func packWavPack(t *testing.T, path string) {
	t.Helper()
	need(t, "wavpack", "wvunpack")
	dir := filepath.Dir(path)
	src := filepath.Join(dir, "packed.wav")
	run(t, "ffmpeg", "-v", "error", "-y", "-i", path, "-c:a", "pcm_s16le", "-write_bext", "1",
		"-metadata", "title=Morning news", "-metadata", "time_reference=1728000000", src)
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	cue := []byte("cue \x1c\x00\x00\x00\x01\x00\x00\x00\x01\x00\x00\x00\xc0\x5d\x00\x00data\x00\x00\x00\x00\x00\x00\x00\x00\xc0\x5d\x00\x00")
	b = append(b, cue...)
	binary.LittleEndian.PutUint32(b[4:], uint32(len(b)-8))
	if err := os.WriteFile(src, b, 0o644); err != nil {
		t.Fatal(err)
	}
	cover := filepath.Join(dir, "cover.png")
	run(t, "ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "color=c=red:s=16x16", "-frames:v", "1", cover)
	run(t, "wavpack", "-q", "-y", "-w", "Title=Жаңалықтар", "-w", "Comment=the comments", "-w", "Disc=4/5",
		"--write-binary-tag", "Cover Art (Front)=@"+cover, src, "-o", path)
}

func run(t *testing.T, name string, args ...string) {
	t.Helper()
	if msg, err := exec.Command(name, args...).CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", name, err, msg)
	}
}

// unpacked restores the WAV a WavPack file was packed from.
func unpacked(t *testing.T, path string) (*wav.File, []byte) {
	t.Helper()
	out := path + ".restored.wav"
	run(t, "wvunpack", "-q", "-y", path, "-o", out)
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	f, err := wav.Parse(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	return f, b
}

func apeItems(t *testing.T, path string) []apetag.Item {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	tag, err := apetag.Read(bytes.NewReader(b), int64(len(b)))
	if err != nil || tag == nil {
		t.Fatalf("no APEv2 tag: %v", err)
	}
	return tag.Items
}

// TestWavPackKeepsItsWAVAndTags: ffmpeg's WavPack encoder dropped the
// WAV header and trailer the file was packed from (exiftool then found
// no file type), wrote 16-bit sound as 32-bit float, and its muxer kept
// only the text tags it maps. The labeled copy verifies with wvunpack,
// restores to the source's WAV chunks (cue point and BWF time reference
// moved with the programme), has the source's sample format, and carries
// every APEv2 item, cover art included, plus Belgi's two.
func TestWavPackKeepsItsWAVAndTags(t *testing.T) {
	need(t, "ffmpeg", "ffprobe")
	in := generate(t, t.TempDir(), "a.wv", "-c:a", "wavpack")
	packWavPack(t, in)
	res := process(t, in)
	if res.Status != labeler.StatusOK {
		t.Fatalf("%s: %v", res.Status, res.Err)
	}
	run(t, "wvunpack", "-q", "-v", res.Output)
	sf, sb := unpacked(t, in)
	of, ob := unpacked(t, res.Output)
	lead := uint32(of.Frames() - sf.Frames())
	chunk := func(f *wav.File, b []byte, id string) []byte {
		for _, c := range f.Chunks {
			if c.ID == id {
				return b[c.Offset : c.Offset+c.Size]
			}
		}
		t.Fatalf("no %q chunk", id)
		return nil
	}
	if !bytes.Equal(chunk(sf, sb, "LIST"), chunk(of, ob, "LIST")) || !bytes.Equal(chunk(sf, sb, "fmt "), chunk(of, ob, "fmt ")) {
		t.Error("the LIST or fmt chunk changed")
	}
	if got := binary.LittleEndian.Uint32(chunk(of, ob, "cue ")[8:]); got != 24000+lead {
		t.Errorf("cue point at %d, want %d", got, 24000+lead)
	}
	if got := binary.LittleEndian.Uint64(chunk(of, ob, "bext")[338:]); got != 1728000000-uint64(lead) {
		t.Errorf("time reference %d, want %d", got, 1728000000-uint64(lead))
	}
	src, out := apeItems(t, in), apeItems(t, res.Output)
	if len(out) != len(src)+2 || !slices.EqualFunc(out[:len(src)], src, sameItem) || out[len(src)].Key != "DigitalSourceType" {
		t.Errorf("APEv2 items %d, the source's %d", len(out), len(src))
	}
	a, b := probe(t, in).Streams[0], probe(t, res.Output).Streams[0]
	if a.SampleFmt != b.SampleFmt || a.BitsPerRawSample != b.BitsPerRawSample {
		t.Errorf("samples %s/%s bits, the source's %s/%s", b.SampleFmt, b.BitsPerRawSample, a.SampleFmt, a.BitsPerRawSample)
	}
}

func sameItem(a, b apetag.Item) bool {
	return a.Key == b.Key && a.Flags == b.Flags && bytes.Equal(a.Value, b.Value)
}

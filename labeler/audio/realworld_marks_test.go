package audio_test

import (
	"bytes"
	"encoding/binary"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/internal/bmff"
	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/internal/flac"
	"github.com/belgi-kz/belgi/internal/mp3"
	"github.com/belgi-kz/belgi/internal/wav"
	"github.com/belgi-kz/belgi/labeler"
)

// TestMP3KeepsLAMETag: outputs lost the LAME tag, and with it gapless
// playback and the start time players honour. The labeled copy carries
// the source's LAME tag with the notice encoder's delay and the source's
// padding, and starts where the source did.
func TestMP3KeepsLAMETag(t *testing.T) {
	need(t, "ffmpeg", "ffprobe")
	in := generate(t, t.TempDir(), "song.mp3", "-c:a", "libmp3lame", "-b:a", "128k", "-ar", "44100")
	res := process(t, in)
	if res.Status != labeler.StatusOK {
		t.Fatalf("%s: %v", res.Status, res.Err)
	}
	src, out := lameOf(t, in), lameOf(t, res.Output)
	if out == nil || out.Encoder() != src.Encoder() || out.Delay() != 576 || out.Padding() != src.Padding() {
		t.Fatalf("LAME tag %v, source's %v", out, src)
	}
	a, b := probe(t, in).Streams[0].StartTime, probe(t, res.Output).Streams[0].StartTime
	if a != b {
		t.Errorf("starts at %s, the source at %s", b, a)
	}
}

func lameOf(t *testing.T, path string) *mp3.LAME {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := mp3.Scan(b[mp3.TagSize(b):])
	if err != nil || s.Info == nil {
		t.Fatalf("%s: no Xing/Info frame (%v)", filepath.Base(path), err)
	}
	return s.Info.LAME
}

// TestFLACKeepsItsMetadata: a FLAC with an ID3v2 tag in front was taken
// for an MP3; labeled FLACs lost comments ffmpeg renames and pictures'
// descriptions. The copy keeps the ID3 tag, every comment and picture.
func TestFLACKeepsItsMetadata(t *testing.T) {
	need(t, "ffmpeg", "ffprobe")
	dir := t.TempDir()
	cover := filepath.Join(dir, "cover.png")
	if msg, err := exec.Command("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "color=c=red:s=32x32", "-frames:v", "1", cover).CombinedOutput(); err != nil {
		t.Fatalf("%v %s", err, msg)
	}
	plain := generate(t, dir, "plain.flac", "-i", cover, "-map", "0:a", "-map", "1:v", "-c:v", "copy", "-disposition:v", "attached_pic",
		"-metadata:s:v", "title=Front of the sleeve", "-metadata:s:v", "comment=Cover (front)",
		"-metadata", "COMMENT=the comments", "-metadata", "DISCNUMBER=4", "-c:a", "flac")
	tag := (&mp3.Tag{Major: 3, Frames: []mp3.TagFrame{{ID: "TIT2", Body: []byte("\x00From the ID3 tag")}}}).Bytes()
	body, _ := os.ReadFile(plain)
	in := filepath.Join(dir, "tagged.flac")
	os.WriteFile(in, append(append([]byte{}, tag...), body...), 0o644)
	res := process(t, in)
	if res.Status != labeler.StatusOK || res.Kind != "audio" {
		t.Fatalf("%s %s: %v", res.Kind, res.Status, res.Err)
	}
	out, _ := os.ReadFile(res.Output)
	if got, _ := mp3.ParseTag(out); got == nil || len(got.Frames) == 0 || got.Frames[0].ID != "TIT2" || string(got.Frames[0].Body) != "\x00From the ID3 tag" {
		t.Errorf("the ID3v2 tag in front was not kept: %+v", got) // C2PA adds its GEOB frame to it
	}
	sm, om := flacMeta(t, body, 0), flacMeta(t, out, int64(mp3.TagSize(out)))
	for _, c := range sm.Comments {
		if k, v, _ := strings.Cut(c, "="); om.Comment(k) != v {
			t.Errorf("comment %s: %q, want %q", k, om.Comment(k), v)
		}
	}
	if om.Comment("DIGITALSOURCETYPE") != labeler.DSTTrained || om.Count(flac.TypePicture) != 1 {
		t.Errorf("marks %q, %d pictures", om.Comment("DIGITALSOURCETYPE"), om.Count(flac.TypePicture))
	}
	sp, op := pictureBlock(t, body, sm), pictureBlock(t, out, om)
	if !bytes.Equal(sp, op) {
		t.Error("the picture block changed")
	}
}

func flacMeta(t *testing.T, b []byte, off int64) *flac.Meta {
	t.Helper()
	m, err := flac.Read(bytes.NewReader(b), off, int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func pictureBlock(t *testing.T, b []byte, m *flac.Meta) []byte {
	t.Helper()
	for _, blk := range m.Blocks {
		if blk.Type == flac.TypePicture {
			return b[blk.Offset : blk.Offset+blk.Size]
		}
	}
	t.Fatal("no picture")
	return nil
}

// TestWAVPositionsFollowTheProgramme: cue points and sampler loops must
// still point at the same sound, and BWF's time reference (bext and its
// iXML copy) moves back by the opening notice so the programme keeps
// its timecode.
func TestWAVPositionsFollowTheProgramme(t *testing.T) {
	need(t, "ffmpeg")
	const rate, ref = 48000, 172800000 // 01:00:00:00 at 48 kHz
	f := wav.PCM16(rate, 1)
	data := f.Encode(nil, make([]float32, 3*rate))
	le := binary.LittleEndian
	cue := le.AppendUint32(nil, 1)
	cue = append(cue, make([]byte, 24)...)
	le.PutUint32(cue[4+4:], 24000)  // dwPosition
	le.PutUint32(cue[4+20:], 24000) // dwSampleOffset
	copy(cue[4+8:], "data")
	smpl := make([]byte, 36+24)
	le.PutUint32(smpl[28:], 1)
	le.PutUint32(smpl[36+8:], 48000)
	le.PutUint32(smpl[36+12:], 96000)
	bext := make([]byte, 602)
	le.PutUint64(bext[338:], ref)
	ixml := []byte("<BWFXML><BEXT><BWF_TIME_REFERENCE_LOW>172800000</BWF_TIME_REFERENCE_LOW><BWF_TIME_REFERENCE_HIGH>0</BWF_TIME_REFERENCE_HIGH></BEXT></BWFXML>")
	var b bytes.Buffer
	h := wav.Header{Format: f, DataSize: int64(len(data)), Extra: []wav.RawChunk{{ID: "bext", Body: bext}, {ID: "iXML", Body: ixml},
		{ID: "cue ", Body: cue}, {ID: "smpl", Body: smpl}}}
	if err := h.Write(&b); err != nil {
		t.Fatal(err)
	}
	b.Write(data)
	in := filepath.Join(t.TempDir(), "take.wav")
	os.WriteFile(in, b.Bytes(), 0o644)
	res := process(t, in)
	if res.Status != labeler.StatusOK {
		t.Fatalf("%s: %v", res.Status, res.Err)
	}
	out, _ := os.ReadFile(res.Output)
	w, err := wav.Parse(bytes.NewReader(out), int64(len(out)))
	if err != nil {
		t.Fatal(err)
	}
	lead := int64(w.Frames() - 3*rate) // the opening notice block
	chunk := func(id string) []byte { c, _ := w.ReadChunk(bytes.NewReader(out), id, 1<<20); return c }
	if got := int64(le.Uint32(chunk("cue ")[4+20:])); got != 24000+lead {
		t.Errorf("cue at %d, want %d", got, 24000+lead)
	}
	if got := int64(le.Uint32(chunk("smpl")[36+8:])); got != 48000+lead {
		t.Errorf("loop starts at %d, want %d", got, 48000+lead)
	}
	if got := int64(le.Uint64(chunk("bext")[338:])); got != ref-lead {
		t.Errorf("bext time reference %d, want %d", got, ref-lead)
	}
	if x := string(chunk("iXML")); !strings.Contains(x, ">"+strconv.FormatInt(ref-lead, 10)+"<") || !strings.HasPrefix(x, "<BWFXML><BEXT>") {
		t.Errorf("iXML %s", x)
	}
}

// TestRF64IsKept: RF64 recordings were refused ("split the recording").
func TestRF64IsKept(t *testing.T) {
	need(t, "ffmpeg")
	in := generate(t, t.TempDir(), "long.wav", "-c:a", "pcm_s24le", "-rf64", "always")
	res := process(t, in)
	if res.Status != labeler.StatusOK {
		t.Fatalf("%s: %v", res.Status, res.Err)
	}
	out, _ := os.ReadFile(res.Output)
	w, err := wav.Parse(bytes.NewReader(out), int64(len(out)))
	if err != nil || w.Form != "RF64" || w.Bits != 24 {
		t.Fatalf("%+v %v", w, err)
	}
}

// TestM4AKeepsTagsAndMovesChapters: ffmpeg keeps only the MP4 tags it
// knows, and chapters copied as they were would point 6 s too early.
func TestM4AKeepsTagsAndMovesChapters(t *testing.T) {
	need(t, "ffmpeg", "ffprobe", "exiftool")
	dir := t.TempDir()
	meta := filepath.Join(dir, "chapters.txt")
	os.WriteFile(meta, []byte(";FFMETADATA1\ntitle=Book\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=1500\ntitle=One\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=1500\nEND=3000\ntitle=Two\n"), 0o644)
	in := generate(t, dir, "book.m4b", "-i", meta, "-map", "0:a", "-map_metadata", "1", "-map_chapters", "1",
		"-metadata", "artist=Narrator", "-metadata", "location=+43.2567+076.9286/", "-c:a", "aac", "-f", "ipod")
	res := process(t, in)
	if res.Status != labeler.StatusOK {
		t.Fatalf("%s: %v", res.Status, res.Err)
	}
	src, out := probe(t, in), probe(t, res.Output)
	lead := outDuration(out) - outDuration(src)
	s2, _ := ffmpeg.Seconds(out.Chapters[1].Start)
	if len(out.Chapters) != 2 || math.Abs(s2-(1.5+lead)) > 0.05 || out.Chapters[0].Start != "0.000000" {
		t.Errorf("chapters %+v, want the second at %.3f", out.Chapters, 1.5+lead)
	}
	for _, tag := range []string{"-ItemList:Artist", "-ItemList:Title", "-UserData:GPSCoordinates"} {
		a, _ := exec.Command("exiftool", "-s3", tag, in).Output()
		b, _ := exec.Command("exiftool", "-s3", tag, res.Output).Output()
		if string(a) != string(b) {
			t.Errorf("%s: %q, want %q", tag, b, a)
		}
	}
}

func outDuration(info ffmpeg.Info) float64 {
	d, _ := ffmpeg.Seconds(info.Format.Duration)
	return d
}

// TestUnknownCodecIsRefusedByName: AC-4 (no decoder here) was refused as
// "no video stream"; it is refused naming the codec and what to do.
func TestUnknownCodecIsRefusedByName(t *testing.T) {
	need(t, "ffmpeg", "ffprobe")
	in := generate(t, t.TempDir(), "ac4.mp4", "-c:a", "aac")
	b, _ := os.ReadFile(in)
	f, err := bmff.Open(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	tr, _ := f.FindTrack("soun", 0)
	stsd := bmff.Path(tr.Payload, "mdia", "minf", "stbl", "stsd")
	at := bytes.Index(b, stsd) + 8 + 4 // the first sample entry's type
	copy(b[at:], "ac-4")
	// ffmpeg would still know AAC by its decoder configuration.
	copy(b[at+bytes.Index(b[at:], []byte("esds")):], "dac4")
	os.WriteFile(in, b, 0o644)
	res := process(t, in)
	if res.Status != labeler.StatusError || !strings.Contains(res.Err.Error(), "AC-4") {
		t.Fatalf("%s: %v", res.Status, res.Err)
	}
}

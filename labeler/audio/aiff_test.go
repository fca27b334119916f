package audio_test

import (
	"bytes"
	"encoding/binary"
	"os"
	"slices"
	"testing"

	"github.com/belgi-kz/belgi/internal/aiff"
	"github.com/belgi-kz/belgi/internal/mp3"
	"github.com/belgi-kz/belgi/labeler"
)

// aiffTag is an ID3 tag with the frames ffmpeg's AIFF muxer lost:
// compilation, lyrics, a comment, a user text frame.
var aiffTag = &mp3.Tag{Major: 4, Frames: []mp3.TagFrame{
	{ID: "TIT2", Body: []byte("\x03Жаңалықтар")},
	{ID: "TCMP", Body: []byte("\x031")},
	{ID: "USLT", Body: []byte("\x03eng\x00the lyrics")},
	{ID: "COMM", Body: []byte("\x03eng\x00the comments")},
	{ID: "TXXX", Body: []byte("\x03iTunNORM\x00 000003E8 000003E8")},
}}

// richAIFF rewrites ffmpeg's plain AIFF at path with the chunks editors
// and taggers write: name, author, copyright, annotation, comments tied
// to a marker, markers, instrument, application data and an ID3 tag.
func richAIFF(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := aiff.Parse(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	comm, _ := f.Find("COMM")
	ssnd, _ := f.Find("SSND")
	r := bytes.NewReader(b)
	parts := []aiff.Part{aiff.Of(r, comm),
		{ID: "NAME", Body: []byte("Morning news")}, {ID: "AUTH", Body: []byte("Aigerim")},
		{ID: "(c) ", Body: []byte("2026 Newsroom")}, {ID: "ANNO", Body: []byte("Recorded in Almaty")},
		{ID: "COMT", Body: []byte("\x00\x01\xdd\x00\x00\x00\x00\x02\x00\x05cue 2")},
		{ID: "MARK", Body: markers(0, 24000)},
		{ID: "INST", Body: []byte{60, 0, 0, 127, 0, 127, 0, 0, 0, 1, 0, 1, 0, 2, 0, 0, 0, 0, 0, 0}},
		{ID: "APPL", Body: []byte("pdos\x05Belgi")}, aiff.Of(r, ssnd), {ID: "ID3 ", Body: aiffTag.Bytes()}}
	var out bytes.Buffer
	if err := aiff.Write(&out, f.Form, parts); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// markers is a MARK body with markers at the positions (sample frames).
func markers(pos ...uint32) []byte {
	b := binary.BigEndian.AppendUint16(nil, uint16(len(pos)))
	for i, p := range pos {
		b = binary.BigEndian.AppendUint16(b, uint16(i+1))
		b = append(binary.BigEndian.AppendUint32(b, p), 3, 'c', 'u', 'e')
	}
	return b
}

func aiffFile(t *testing.T, path string) ([]byte, *aiff.File) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := aiff.Parse(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	return b, f
}

// TestAIFFKeepsItsChunks: ffmpeg's AIFF muxer kept title, author and one
// annotation and rebuilt the ID3 tag without compilation, lyrics and
// comments. The labeled copy carries every chunk of the source in its
// order, byte for byte; the markers move with the programme; the ID3 tag
// keeps every frame and gains Belgi's two.
func TestAIFFKeepsItsChunks(t *testing.T) {
	need(t, "ffmpeg", "ffprobe")
	in := generate(t, t.TempDir(), "a.aiff", "-c:a", "pcm_s16be")
	richAIFF(t, in)
	res := process(t, in)
	if res.Status != labeler.StatusOK {
		t.Fatalf("%s: %v", res.Status, res.Err)
	}
	sb, sf := aiffFile(t, in)
	ob, of := aiffFile(t, res.Output)
	ids := func(f *aiff.File) (s []string) {
		for _, c := range f.Chunks {
			s = append(s, c.ID)
		}
		return s
	}
	if !slices.Equal(ids(sf), ids(of)) {
		t.Fatalf("chunks %v, the source's %v", ids(of), ids(sf))
	}
	body := func(b []byte, c aiff.Chunk) []byte { return b[c.Offset : c.Offset+c.Size] }
	added := int64(binary.BigEndian.Uint32(body(ob, of.Chunks[0])[2:])) - int64(binary.BigEndian.Uint32(body(sb, sf.Chunks[0])[2:]))
	for i, c := range sf.Chunks {
		switch c.ID {
		case "COMM", "SSND", "ID3 ":
		case "MARK":
			if want := markers(uint32(added), uint32(24000+added)); !bytes.Equal(body(ob, of.Chunks[i]), want) {
				t.Errorf("markers %x, want %x", body(ob, of.Chunks[i]), want)
			}
		default:
			if !bytes.Equal(body(sb, c), body(ob, of.Chunks[i])) {
				t.Errorf("chunk %q changed", c.ID)
			}
		}
	}
	id3, _ := of.Find("ID3 ")
	tag, err := mp3.ParseTag(body(ob, id3))
	if err != nil || len(tag.Frames) != len(aiffTag.Frames)+2 || !slices.EqualFunc(tag.Frames[:len(aiffTag.Frames)], aiffTag.Frames, sameFrame) {
		t.Fatalf("ID3 frames %+v (%v)", tag, err)
	}
	if tag.Text("DigitalSourceType") != labeler.DSTTrained {
		t.Errorf("no DigitalSourceType frame")
	}
}

func sameFrame(a, b mp3.TagFrame) bool {
	return a.ID == b.ID && a.Flags == b.Flags && bytes.Equal(a.Body, b.Body)
}

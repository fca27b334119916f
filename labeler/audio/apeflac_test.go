package audio

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/png"
	"slices"
	"testing"

	"github.com/belgi-kz/belgi/internal/apetag"
)

// TestAPEToVorbis: ffmpeg mapped an APE file's Comment to DESCRIPTION
// and left cover art without its name. Items keep their names and
// values; the few with other Vorbis names are mapped as taggers map
// them; a list gives repeated comments; cover art becomes a picture.
func TestAPEToVorbis(t *testing.T) {
	var cover bytes.Buffer
	png.Encode(&cover, image.NewNRGBA(image.Rect(0, 0, 3, 2)))
	items := []apetag.Item{
		apetag.TextItem("Title", "Жаңалықтар"), apetag.TextItem("Comment", "the comments"),
		apetag.TextItem("Track", "2/3"), apetag.TextItem("Disc", "4"), apetag.TextItem("Year", "2001"),
		apetag.TextItem("Album Artist", "Various"), apetag.TextItem("Artist", "A\x00B"),
		apetag.TextItem("musicbrainz_trackid", "abc"), apetag.TextItem("Bad=Key", "x"),
		{Key: "Weblink", Flags: apetag.Locator << 1, Value: []byte("https://belgi.kz")},
		{Key: "Cover Art (Back)", Flags: apetag.Binary << 1, Value: append([]byte("back.png\x00"), cover.Bytes()...)},
		{Key: "Private", Flags: apetag.Binary << 1, Value: []byte{1, 2}},
	}
	comments, pictures, notes := apeToVorbis(items)
	want := []string{"Title=Жаңалықтар", "Comment=the comments", "TRACKNUMBER=2", "TRACKTOTAL=3", "DISCNUMBER=4",
		"DATE=2001", "ALBUMARTIST=Various", "Artist=A", "Artist=B", "musicbrainz_trackid=abc", "Weblink=https://belgi.kz"}
	if !slices.Equal(comments, want) {
		t.Errorf("comments\n%q\nwant\n%q", comments, want)
	}
	if len(notes) != 2 {
		t.Errorf("notes %q: want the key with '=' and the binary item named", notes)
	}
	if len(pictures) != 1 {
		t.Fatalf("%d pictures", len(pictures))
	}
	p := pictures[0]
	be := binary.BigEndian
	mime := string(p[8 : 8+be.Uint32(p[4:])])
	rest := p[8+len(mime):]
	desc := string(rest[4 : 4+be.Uint32(rest)])
	rest = rest[4+len(desc):]
	if be.Uint32(p) != 4 || mime != "image/png" || desc != "back.png" || be.Uint32(rest) != 3 || be.Uint32(rest[4:]) != 2 ||
		!bytes.Equal(rest[20:], cover.Bytes()) {
		t.Errorf("picture type %d, %s, %q, %dx%d", be.Uint32(p), mime, desc, be.Uint32(rest), be.Uint32(rest[4:]))
	}
	if c, _, _ := apeToVorbis([]apetag.Item{apetag.TextItem("Year", "2001"), apetag.TextItem("Date", "2001-05")}); !slices.Equal(c, []string{"Year=2001", "Date=2001-05"}) {
		t.Errorf("with a Date item Year keeps its name: %q", c)
	}
}

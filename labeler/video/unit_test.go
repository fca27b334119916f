package video

import (
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/provenance"
)

func ftyp(brand string) []byte {
	return append([]byte{0, 0, 0, 24}, []byte("ftyp"+brand+"\x00\x00\x02\x00isomiso2")...)
}

func TestSniffContainer(t *testing.T) {
	cases := []struct {
		name string
		head []byte
		want string
	}{
		{"isom", ftyp("isom"), "mp4"},
		{"mp42", ftyp("mp42"), "mp4"},
		{"quicktime", ftyp("qt  "), "mov"},
		{"m4v", ftyp("M4V "), "m4v"},
		{"m4a is audio", ftyp("M4A "), ""},
		{"m4b is audio", ftyp("M4B "), ""},
		{"heic is a still", ftyp("heic"), ""},
		{"webm", []byte("\x1a\x45\xdf\xa3\x87\x42\x82\x84webm"), "webm"},
		{"matroska", []byte("\x1a\x45\xdf\xa3\x8b\x42\x82\x88matroska"), "matroska"},
		{"webm named in text only", []byte("\x1a\x45\xdf\xa3\x8b\x42\x82\x88matroska webm"), "matroska"},
		{"3gp", ftyp("3gp4"), "3gp"},
		{"3g2", ftyp("3g2a"), "3g2"},
		{"avif is a still", ftyp("avif"), ""},
		{"unknown brand is a movie", ftyp("XAVC"), "mp4"},
		{"mpeg-ts", tsPackets(0, 188), "mpegts"},
		{"m2ts", tsPackets(4, 192), "m2ts"},
		{"mpeg-ps", []byte("\x00\x00\x01\xba\x44\x00"), "mpeg"},
		{"mxf", []byte("\x06\x0e\x2b\x34\x02\x05\x01\x01\x0d\x01\x02\x01\x01\x02"), "mxf"},
		{"flv", []byte("FLV\x01\x05\x00\x00\x00\x09"), "flv"},
		{"asf", append(append([]byte{}, asfGUID...), 0, 0), "asf"},
		{"realmedia", []byte(".RMF\x00\x00\x00\x12"), "rm"},
		{"three ts packets only", tsPackets(0, 188)[:3*188], ""},
		{"avi", []byte("RIFF\x00\x00\x00\x00AVI LIST"), "avi"},
		{"wav", []byte("RIFF\x00\x00\x00\x00WAVEfmt "), ""},
		{"text", []byte("hello world, not a video"), ""},
		{"short", []byte("ftyp"), ""},
	}
	for _, c := range cases {
		if got := sniffContainer(c.head); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

// tsPackets is four transport packets of size (188 or 192), their sync
// byte at off.
func tsPackets(off, size int) []byte {
	b := make([]byte, 4*size)
	for i := range 4 {
		b[i*size+off] = 0x47
	}
	return b
}

func TestRecordRoundTrip(t *testing.T) {
	m := provenance.Mark{Tool: "Belgi 0.1.0", DigitalSourceType: labeler.DSTComposite, Layers: []string{"visible", "xmp"}, Langs: []string{"kk"}}
	cases := []struct {
		name, text string
		ok         bool
	}{
		{"bare", record(m), true},
		{"in a comment", "Shot in Almaty\nЖасанды — " + record(m), true},
		{"other text", "Belgi river at dawn", false},
		{"empty", "", false},
	}
	for _, c := range cases {
		r := parseRecord(c.text)
		if r.ok != c.ok || (c.ok && (r.dst != m.DigitalSourceType || strings.Join(r.layers, ",") != "visible,xmp")) {
			t.Errorf("%s: %+v", c.name, r)
		}
	}
}

func TestCommentKeepsOthersAndReplacesOurs(t *testing.T) {
	spec := labeler.DefaultSpec()
	m := provenance.MarkFor(spec, []string{"visible"})
	once := comment("Interview, take 3", spec, m)
	twice := comment(once, spec, m)
	if !strings.HasPrefix(twice, "Interview, take 3\n") || strings.Count(twice, "Belgi ") != 1 {
		t.Errorf("relabeled comment %q", twice)
	}
}

func TestRotationOf(t *testing.T) {
	side := func(r float64) []map[string]any { return []map[string]any{{"rotation": r}} }
	cases := []struct {
		st   ffmpeg.Stream
		want int
		ori  int
	}{
		{ffmpeg.Stream{}, 0, 1},
		{ffmpeg.Stream{SideData: side(90)}, 90, 8},
		{ffmpeg.Stream{SideData: side(-90)}, 270, 6},
		{ffmpeg.Stream{SideData: side(180)}, 180, 3},
		{ffmpeg.Stream{SideData: side(-180)}, 180, 3},
		{ffmpeg.Stream{Tags: map[string]string{"rotate": "90"}}, 270, 6},
	}
	for _, c := range cases {
		s := &source{rotation: rotationOf(c.st)}
		if s.rotation != c.want || s.orientation() != c.ori {
			t.Errorf("%+v: rotation %d orientation %d, want %d %d", c.st, s.rotation, s.orientation(), c.want, c.ori)
		}
	}
}

func TestDisplaySize(t *testing.T) {
	cases := []struct {
		w, h, rot int
		sar       string
		dw, dh    int
	}{
		{1920, 1080, 0, "1:1", 1920, 1080},
		{1920, 1080, 270, "1:1", 1080, 1920},
		{720, 576, 0, "16:15", 768, 576},
		{720, 576, 90, "64:45", 576, 1024},
		{640, 480, 0, "0:1", 640, 480},
	}
	for _, c := range cases {
		s := &source{video: ffmpeg.Stream{Width: c.w, Height: c.h}, rotation: c.rot, sar: parseRatio(c.sar, 1)}
		if dw, dh := s.displaySize(); dw != c.dw || dh != c.dh {
			t.Errorf("%d×%d rot %d sar %s: %d×%d, want %d×%d", c.w, c.h, c.rot, c.sar, dw, dh, c.dw, c.dh)
		}
	}
}

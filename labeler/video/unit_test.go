package video

import (
	"image"
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

func TestBadgeFilter(t *testing.T) {
	cases := []struct {
		st           ffmpeg.Stream
		format, want string
	}{
		{ffmpeg.Stream{PixFmt: "yuv420p", ColorSpace: "bt709", Height: 1080}, "yuv420", "scale=out_color_matrix=bt709:out_range=tv,format=yuva420p"},
		{ffmpeg.Stream{PixFmt: "yuv420p", Height: 480}, "yuv420", "out_color_matrix=bt601:out_range=tv"},
		{ffmpeg.Stream{PixFmt: "yuvj420p", Height: 1080}, "yuv420", "out_color_matrix=bt709:out_range=pc"},
		{ffmpeg.Stream{PixFmt: "yuv420p10le", ColorSpace: "bt2020nc", Height: 2160}, "yuv420p10", "bt2020:out_range=tv,format=yuva420p10le"},
		{ffmpeg.Stream{PixFmt: "yuv422p10le", ColorRange: "pc", Height: 1080}, "yuv422p10", "out_range=pc,format=yuva422p10le"},
		{ffmpeg.Stream{PixFmt: "gbrp"}, "auto", "[1:v]null[bd]"},
	}
	for _, c := range cases {
		f, format := badgeFilter(1, c.st)
		if format != c.format || !strings.Contains(f, c.want) || !strings.HasSuffix(f, "[bd]") {
			t.Errorf("%+v: %q %q, want %q containing %q", c.st, format, f, c.format, c.want)
		}
	}
}

func TestAlignBadge(t *testing.T) {
	patch := image.NewRGBA(image.Rect(0, 0, 4, 2))
	patch.Pix[3] = 255 // the top-left pixel is opaque
	cases := []struct {
		at     image.Point
		pixFmt string
		want   image.Point
		size   image.Point
	}{
		{image.Pt(191, 195), "yuv420p", image.Pt(190, 194), image.Pt(5, 3)},
		{image.Pt(190, 194), "yuv420p", image.Pt(190, 194), image.Pt(4, 2)},
		{image.Pt(191, 195), "yuv422p", image.Pt(190, 195), image.Pt(5, 2)},
		{image.Pt(191, 195), "yuv444p", image.Pt(191, 195), image.Pt(4, 2)},
		{image.Pt(191, 195), "gbrp", image.Pt(191, 195), image.Pt(4, 2)},
	}
	for _, c := range cases {
		b := alignBadge(badge{patch: patch, at: c.at}, c.pixFmt)
		if b.at != c.want || b.patch.Bounds().Size() != c.size {
			t.Errorf("%v %s: at %v size %v, want %v %v", c.at, c.pixFmt, b.at, b.patch.Bounds().Size(), c.want, c.size)
		}
		// The opaque pixel stays where it was in the frame.
		o := c.at.Sub(b.at)
		if b.patch.RGBAAt(o.X, o.Y).A != 255 {
			t.Errorf("%v %s: the badge moved", c.at, c.pixFmt)
		}
	}
}

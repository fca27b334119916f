package video

// Each test here is a real-world failure of issue 15 reduced to a clip
// ffmpeg generates, labeled through the core and read back with ffprobe.

import (
	"bytes"
	"context"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/internal/bmff"
	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/labeler"
)

// makeVideo has ffmpeg make a 2-second clip (testsrc input 0, tone input
// 1) with args after the inputs.
func makeVideo(t *testing.T, name, size string, args ...string) string {
	t.Helper()
	if _, err := ffmpeg.Find("ffmpeg"); err != nil {
		t.Skip("ffmpeg is not installed")
	}
	out := filepath.Join(t.TempDir(), name)
	full := []string{"-v", "error", "-f", "lavfi", "-i", "testsrc=size=" + size + ":rate=25", "-f", "lavfi", "-i", "sine=f=440:r=48000"}
	full = append(append(full, args...), "-t", "2", "-y", out)
	if _, err := ffmpeg.Run(context.Background(), "ffmpeg", full...); err != nil {
		t.Fatalf("making %s: %v", name, err)
	}
	return out
}

func streamsOf(t *testing.T, path string) []ffmpeg.Stream {
	t.Helper()
	return infoOf(t, path).Streams
}

func infoOf(t *testing.T, path string) ffmpeg.Info {
	t.Helper()
	info, err := ffmpeg.Probe(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	return info
}

// TestContainersKept: MPEG-TS, M2TS, MXF, FLV, WMV and 3GP were skipped
// ("not a media file") or lost their marks. Each is labeled in its own
// container with its own codecs, its marks read back; an MPEG program
// stream, which holds no metadata, becomes MP4.
func TestContainersKept(t *testing.T) {
	av := []string{"-map", "0:v", "-map", "1:a"}
	for _, tc := range []struct {
		name, size, format, outExt string
		args                       []string
	}{
		{"a.ts", "320x240", "mpegts", ".ts", append(av, "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac")},
		{"a.m2ts", "320x240", "mpegts", ".m2ts", append(av, "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "ac3", "-mpegts_m2ts_mode", "1")},
		{"a.mxf", "720x576", "mxf", ".mxf", append(av, "-c:v", "mpeg2video", "-b:v", "5M", "-c:a", "pcm_s16le")},
		{"a.flv", "320x240", "flv", ".flv", append(av, "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac")},
		{"a.wmv", "320x240", "asf", ".wmv", append(av, "-c:v", "wmv2", "-c:a", "wmav2")},
		{"a.3gp", "176x144", "mov,mp4,m4a,3gp,3g2,mj2", ".3gp", append(av, "-c:v", "h263", "-c:a", "aac", "-ar", "16000", "-ac", "1")},
		{"a.mpg", "320x240", "mov,mp4,m4a,3gp,3g2,mj2", ".mp4", append(av, "-c:v", "mpeg2video", "-c:a", "mp2", "-f", "vob")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := makeVideo(t, tc.name, tc.size, tc.args...)
			res := label(t, testKind(), in, testSpec())
			if filepath.Ext(res.Output) != tc.outExt || res.Check == nil || !res.Check.Labeled {
				t.Fatalf("output %s, check %+v", res.Output, res.Check)
			}
			info, err := ffmpeg.Probe(context.Background(), res.Output)
			if err != nil || info.Format.FormatName != tc.format {
				t.Fatalf("written as %s (%v)", info.Format.FormatName, err)
			}
			src := streamsOf(t, in)
			for i, st := range info.Streams {
				if want := src[i].CodecName; !sameCodec(st.CodecName, want) {
					t.Errorf("stream %d is %s, the source's %s", i, st.CodecName, want)
				}
			}
		})
	}
}

// TestTimingAndTagsKept: a Matroska video's start moved from 0.023 to
// 0.063 s against its sound, the subtitles moved too, and stream tags
// were dropped. Every stream starts where it did, with its tags.
func TestTimingAndTagsKept(t *testing.T) {
	dir := t.TempDir()
	srt := filepath.Join(dir, "subs.srt")
	os.WriteFile(srt, []byte("1\n00:00:00,500 --> 00:00:01,500\nСәлем\n"), 0o644)
	in := makeVideo(t, "late.mkv", "320x240", "-itsoffset", "0.3", "-f", "lavfi", "-i", "sine=f=660:r=48000:d=2", "-i", srt,
		"-map", "0:v", "-map", "2:a", "-map", "3:s", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "libopus", "-c:s", "srt",
		"-metadata:s:a:0", "title=Commentary", "-metadata:s:a:0", "language=kaz", "-metadata:s:v:0", "title=Main",
		"-metadata:s:s:0", "language=rus", "-metadata", "COPYRIGHT=CC BY-NC-SA")
	res := label(t, testKind(), in, testSpec())
	src, out := firstPackets(infoOf(t, in)), firstPackets(infoOf(t, res.Output))
	for i := range src {
		if math.Abs(out[i]-src[i]) > 0.041 {
			t.Errorf("stream %d starts at %.3f s, the source's at %.3f s", i, out[i], src[i])
		}
	}
	a, b := streamsOf(t, in), streamsOf(t, res.Output)
	for i := range a {
		for _, k := range []string{"title", "language", "TITLE", "LANGUAGE"} {
			if a[i].Tags[k] != b[i].Tags[k] {
				t.Errorf("stream %d tag %s: %q, want %q", i, k, b[i].Tags[k], a[i].Tags[k])
			}
		}
	}
}

// TestFragmentedMP4: a fragmented MP4's duration read as 39 hours and
// the copy was refused for lasting 1 s.
func TestFragmentedMP4(t *testing.T) {
	in := makeVideo(t, "frag.mp4", "320x240", "-map", "0:v", "-map", "1:a", "-c:v", "libx264", "-preset", "ultrafast",
		"-g", "10", "-c:a", "aac", "-movflags", "frag_keyframe+empty_moov")
	s := mustProbe(t, in)
	if s.spans == nil || math.Abs(s.duration.Seconds()-2) > 0.1 {
		t.Fatalf("duration %s (from packets: %v)", s.duration, s.spans != nil)
	}
	label(t, testKind(), in, testSpec())
}

// TestRefusals: what Belgi can't label is refused with the reason and
// what to do: encrypted MP4, subtitles without a picture, a truncated
// MP4.
func TestRefusals(t *testing.T) {
	base := makeVideo(t, "base.mp4", "320x240", "-map", "0:v", "-c:v", "libx264", "-preset", "ultrafast", "-movflags", "+faststart")
	b, _ := os.ReadFile(base)
	encrypted := withMoovChild(t, b, bmff.Make("pssh", make([]byte, 28)))
	subs := filepath.Join(t.TempDir(), "subs.srt")
	os.WriteFile(subs, []byte("1\n00:00:00,500 --> 00:00:01,500\nСәлем\n"), 0o644)
	onlySubs := filepath.Join(filepath.Dir(subs), "subs.mkv")
	ffmpeg.Run(context.Background(), "ffmpeg", "-v", "error", "-i", subs, "-c:s", "srt", "-y", onlySubs)
	subsData, _ := os.ReadFile(onlySubs)
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"drm.mp4", encrypted, "encrypted"},
		{"subs.mkv", subsData, "only subtitles"},
		{"cut.mp4", b[:len(b)*2/3], "truncated"},
	} {
		in := filepath.Join(t.TempDir(), tc.name)
		os.WriteFile(in, tc.data, 0o644)
		spec := testSpec()
		spec.Out.Dir = t.TempDir()
		res := labeler.NewRegistry(testKind()).Process(context.Background(), spec, labeler.Input{Path: in}, nil)
		if res.Status != labeler.StatusError || !strings.Contains(res.Err.Error(), tc.want) {
			t.Errorf("%s: %s %v, want an error about %q", tc.name, res.Status, res.Err, tc.want)
		}
	}
}

// withMoovChild returns an MP4 (moov first, faststart) with child added
// at the end of moov, chunk offsets moved by its size.
func withMoovChild(t *testing.T, b, child []byte) []byte {
	t.Helper()
	f, err := bmff.Open(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	moov, _ := bmff.Find(f.Top, "moov")
	if mdat, _ := bmff.Find(f.Top, "mdat"); mdat.Offset < moov.Offset {
		t.Fatal("the fixture's moov is not before mdat")
	}
	out := append([]byte{}, b[:moov.Offset]...)
	out = append(out, bmff.Make("moov", append(append([]byte{}, f.Moov...), child...))...)
	out = append(out, b[moov.End():]...)
	shiftChunks(out, int64(len(child)))
	return out
}

// shiftChunks adds d to every 32-bit chunk offset (stco) in the movie.
func shiftChunks(b []byte, d int64) {
	f, _ := bmff.Open(bytes.NewReader(b), int64(len(b)))
	moov, _ := bmff.Find(f.Top, "moov")
	body, _ := moov.Body()
	for _, tr := range f.Tracks() {
		stco := bmff.Path(tr.Payload, "mdia", "minf", "stbl", "stco")
		at := int(body) + int(tr.Offset) + bytes.Index(tr.Payload, stco)
		n := int(stco[4])<<24 | int(stco[5])<<16 | int(stco[6])<<8 | int(stco[7])
		for i := range n {
			p := b[at+8+4*i:]
			v := int64(p[0])<<24 | int64(p[1])<<16 | int64(p[2])<<8 | int64(p[3]) + d
			p[0], p[1], p[2], p[3] = byte(v>>24), byte(v>>16), byte(v>>8), byte(v)
		}
	}
}

// TestUndecodableNamesCodec: VVC and Dolby Vision AV1 failed deep in
// ffmpeg ("Decoder (codec none) not found"); the refusal names them.
func TestUndecodableNamesCodec(t *testing.T) {
	for _, tc := range []struct {
		st   ffmpeg.Stream
		want string
	}{
		{ffmpeg.Stream{CodecName: "unknown", CodecTag: "vvc1"}, "VVC (H.266)"},
		{ffmpeg.Stream{CodecName: "unknown", CodecTag: "dav1"}, "Dolby Vision in AV1"},
		{ffmpeg.Stream{CodecName: "none", CodecTag: "abcd"}, "unknown codec (abcd)"},
		{ffmpeg.Stream{CodecName: "h264", CodecTag: "avc1"}, ""},
	} {
		err := undecodable(tc.st)
		if (err == nil) != (tc.want == "") || (err != nil && !strings.Contains(err.Error(), tc.want)) {
			t.Errorf("%+v: %v, want %q", tc.st, err, tc.want)
		}
	}
}

// TestLeaveOut: what can't be copied is left out, saying why: a timed
// metadata track ffmpeg can't write in MP4 (but can in MOV), a second
// picture stream and cover art that would show the picture unlabeled,
// subtitles the container can't hold.
func TestLeaveOut(t *testing.T) {
	mett := ffmpeg.Stream{Index: 2, CodecType: "data", CodecName: "unknown", CodecTag: "mett"}
	second := ffmpeg.Stream{Index: 1, CodecType: "video", CodecName: "hevc", Width: 2048, Height: 1536}
	cover := ffmpeg.Stream{Index: 3, CodecType: "video", CodecName: "mjpeg", Disposition: map[string]int{"attached_pic": 1}}
	pgs := ffmpeg.Stream{Index: 2, CodecType: "subtitle", CodecName: "hdmv_pgs_subtitle"}
	srt := ffmpeg.Stream{Index: 2, CodecType: "subtitle", CodecName: "subrip"}
	for _, tc := range []struct {
		st        ffmpeg.Stream
		container string
		left      bool
	}{
		{mett, "mp4", true}, {mett, "mov", false}, {second, "mp4", true}, {cover, "matroska", true},
		{pgs, "mpegts", true}, {pgs, "matroska", false}, {srt, "mp4", true}, {srt, "matroska", false},
		{ffmpeg.Stream{CodecType: "attachment", CodecName: "ttf"}, "mp4", true},
		{ffmpeg.Stream{CodecType: "attachment", CodecName: "ttf"}, "matroska", false},
	} {
		why := leaveOut(tc.st, containers[tc.container], tc.container)
		if (why != "") != tc.left {
			t.Errorf("%s in %s: %q", describeStream(tc.st), tc.container, why)
		}
	}
}

// TestMovieMetadataKept: GPS, make and model in a phone's MOV were lost,
// and a camera's udta thumbnail kept a still of the unlabeled picture.
// The copy has the source's udta back, without the thumbnail.
func TestMovieMetadataKept(t *testing.T) {
	in := makeVideo(t, "phone.mov", "320x240", "-map", "0:v", "-map", "1:a", "-c:v", "libx264", "-preset", "ultrafast",
		"-c:a", "aac", "-metadata", "location=+43.2567+076.9286/", "-metadata", "make=Apple", "-metadata", "model=iPhone")
	b, _ := os.ReadFile(in)
	f, err := bmff.Open(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	udta := bmff.Child(f.Moov, "udta")
	withThumb := bmff.Make("udta", append(append([]byte{}, udta...), bmff.Make("thmb", []byte("a jpeg of the picture"))...))
	if err := bmff.ReplaceMoov(in, bmff.Rebuild(f.Moov, func(x bmff.Box) bool { return x.Type == "udta" }, withThumb)); err != nil {
		t.Fatal(err)
	}
	res := label(t, testKind(), in, testSpec())
	out, _ := os.ReadFile(res.Output)
	g, err := bmff.Open(bytes.NewReader(out), int64(len(out)))
	if err != nil {
		t.Fatal(err)
	}
	got := bmff.Child(g.Moov, "udta")
	if bmff.Child(got, "thmb") != nil {
		t.Error("the thumbnail was kept")
	}
	for _, typ := range []string{"\xa9xyz", "\xa9mak", "\xa9mod"} {
		if want := bmff.Child(udta, typ); want == nil || !bytes.Equal(bmff.Child(got, typ), want) {
			t.Errorf("udta/%q: %q, want %q", typ, bmff.Child(got, typ), want)
		}
	}
}

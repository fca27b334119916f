package ogg

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
)

// vorbisHeaders are a Vorbis stream's three header packets; the set-up
// packet is large enough to span pages when setup is.
func vorbisHeaders(comments []string, setup int) [][]byte {
	id := append([]byte("\x01vorbis"), make([]byte, 23)...)
	c := (&Comments{Vendor: "test", List: comments}).Packet(Vorbis, false)
	return [][]byte{id, c, append([]byte("\x05vorbis"), bytes.Repeat([]byte{7}, setup)...)}
}

// file lays out a stream: its header packets, then audio packets of the
// given sizes, two to a page, granule 100 per packet, the last page EOS.
// A second stream (serial 9) is interleaved when other is set.
func file(headers [][]byte, audio []int, other bool) []byte {
	var out []byte
	pages := paginate(1, 0, 0, flagBOS, headers[:1])
	if other {
		pages = append(pages, paginate(9, 0, 0, flagBOS, [][]byte{[]byte("fishead\x00")})...)
	}
	rest := paginate(1, 1, 0, 0, headers[1:])
	pages = append(pages, rest...)
	seq := uint32(1 + len(rest))
	for i := 0; i < len(audio); i += 2 {
		var pk [][]byte
		for _, n := range audio[i:min(i+2, len(audio))] {
			pk = append(pk, bytes.Repeat([]byte{byte(n)}, n))
		}
		pg := paginate(1, seq, int64(100*(i+len(pk))), 0, pk)
		if i+2 >= len(audio) {
			pg = setEOS(pg)
		}
		seq += uint32(len(pg))
		pages = append(pages, pg...)
	}
	if other {
		pages = append(pages, setEOS(paginate(9, 1, 0, 0, [][]byte{[]byte("end")}))...)
	}
	for _, p := range pages {
		out = append(out, p...)
	}
	return out
}

func setEOS(pages [][]byte) [][]byte {
	last := decode(pages[len(pages)-1])
	last.flags |= flagEOS
	pages[len(pages)-1], _ = last.encode()
	return pages
}

// packets reassembles every packet of stream serial, with the granule
// of the page each ends on.
func packets(t *testing.T, b []byte, serial uint32) ([][]byte, []int64) {
	t.Helper()
	var out [][]byte
	var granules []int64
	var cur []byte
	for off := int64(0); off < int64(len(b)); {
		p, n, err := readPage(bytes.NewReader(b), off, int64(len(b)))
		if err != nil {
			t.Fatal(err)
		}
		pos := 0
		for _, v := range p.lacing {
			if p.serial != serial {
				break
			}
			cur = append(cur, p.body[pos:pos+int(v)]...)
			pos += int(v)
			if v < 255 {
				out, granules, cur = append(out, cur), append(granules, p.granule), nil
			}
		}
		off += n
	}
	return out, granules
}

func TestRewriteKeepsAudioAndRenumbers(t *testing.T) {
	big := make([]string, 0, 400)
	for i := range 400 {
		big = append(big, fmt.Sprintf("COMMENT%03d=%s", i, bytes.Repeat([]byte("ж"), 200)))
	}
	audio := []int{0, 254, 255, 256, 510, 3000, 65025, 70000, 1}
	cases := []struct {
		name     string
		setup    int
		comments []string
		other    bool
	}{
		{"same size", 100, []string{"TITLE=a"}, false},
		{"comments grow across pages", 100, big, false},
		{"set-up spans pages", 70000, []string{"TITLE=a", "DISCNUMBER=4"}, false},
		{"comments shrink", 70000, nil, false},
		{"with another stream", 3000, big, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := file(vorbisHeaders([]string{"TITLE=old", "COMMENT=x"}, c.setup), audio, c.other)
			s, err := FirstSound(bytes.NewReader(src), int64(len(src)))
			if err != nil || s.Codec != Vorbis || len(s.Headers) != 3 {
				t.Fatalf("%v %+v", err, s)
			}
			want := vorbisHeaders(c.comments, c.setup)
			var out bytes.Buffer
			if err := Rewrite(bytes.NewReader(src), int64(len(src)), &out, s, want); err != nil {
				t.Fatal(err)
			}
			b := out.Bytes()
			if err := Verify(bytes.NewReader(b), int64(len(b))); err != nil {
				t.Fatal(err)
			}
			sp, sg := packets(t, src, 1)
			op, og := packets(t, b, 1)
			if !slices.EqualFunc(op[:3], want, bytes.Equal) || !slices.EqualFunc(op[3:], sp[3:], bytes.Equal) {
				t.Error("the packets differ")
			}
			if !slices.Equal(og[3:], sg[3:]) || slices.Max(og[:3]) != 0 {
				t.Errorf("granules %v, want %v", og, sg)
			}
			if c.other {
				a, _ := packets(t, src, 9)
				z, _ := packets(t, b, 9)
				if !slices.EqualFunc(a, z, bytes.Equal) {
					t.Error("the other stream changed")
				}
			}
			o, err := FirstSound(bytes.NewReader(b), int64(len(b)))
			if err != nil {
				t.Fatal(err)
			}
			cm, err := o.Comments()
			if err != nil || !slices.Equal(cm.List, c.comments) && len(c.comments) > 0 {
				t.Errorf("comments %v (%v)", cm, err)
			}
		})
	}
}

func TestFirstSoundRefuses(t *testing.T) {
	h := vorbisHeaders([]string{"A=b"}, 10)
	whole := file(h, []int{5, 6}, false)
	shared := paginate(1, 0, 0, flagBOS, h[:1])
	shared = append(shared, paginate(1, 1, 0, 0, append(h[1:], []byte("audio")))...)
	crowded := paginate(1, 0, 0, flagBOS, h)
	damaged := slices.Clone(whole)
	damaged[40] ^= 1
	cases := []struct {
		name string
		data []byte
		is   error
	}{
		{"audio on the set-up page", bytes.Join(shared, nil), ErrShared},
		{"headers end early", whole[:60], ErrTruncated},
		{"first page crowded", bytes.Join(crowded, nil), nil},
		{"bad CRC", damaged, nil},
		{"no sound stream", bytes.Join(paginate(3, 0, 0, flagBOS, [][]byte{[]byte("fishead\x00")}), nil), nil},
	}
	for _, c := range cases {
		_, err := FirstSound(bytes.NewReader(c.data), int64(len(c.data)))
		if err == nil || (c.is != nil && !errors.Is(err, c.is)) {
			t.Errorf("%s: %v", c.name, err)
		}
	}
}

func TestVerifyFindsDamage(t *testing.T) {
	whole := file(vorbisHeaders(nil, 10), []int{5, 6, 7, 8}, false)
	pages := splitPages(t, whole)
	gap := bytes.Join(append(slices.Clone(pages[:2]), pages[3:]...), nil)
	noEOS := bytes.Join(pages[:len(pages)-1], nil)
	back := slices.Clone(pages)
	p := decode(back[len(back)-1])
	p.granule = 1
	back[len(back)-1], _ = p.encode()
	for name, b := range map[string][]byte{"a page missing": gap, "no EOS": noEOS, "granule goes back": bytes.Join(back, nil)} {
		if err := Verify(bytes.NewReader(b), int64(len(b))); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if err := Verify(bytes.NewReader(whole), int64(len(whole))); err != nil {
		t.Error(err)
	}
}

func splitPages(t *testing.T, b []byte) [][]byte {
	t.Helper()
	var out [][]byte
	for off := int64(0); off < int64(len(b)); {
		_, n, err := readPage(bytes.NewReader(b), off, int64(len(b)))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, b[off:off+n])
		off += n
	}
	return out
}

// TestFFmpegPagesRead: every page ffmpeg's Ogg muxer writes passes the
// CRC check (a known answer for the checksum), and Verify accepts it.
func TestFFmpegPagesRead(t *testing.T) {
	if _, err := exec.LookPath("ffmpeg"); err != nil {
		t.Skip("ffmpeg is not installed")
	}
	for _, codec := range []string{"libvorbis", "libopus", "flac", "libspeex"} {
		out := filepath.Join(t.TempDir(), "a.ogg")
		cmd := exec.Command("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=r=16000:d=2", "-c:a", codec, "-metadata", "TITLE=t", out)
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s: %v %s", codec, err, msg)
		}
		b, _ := os.ReadFile(out)
		if err := Verify(bytes.NewReader(b), int64(len(b))); err != nil {
			t.Errorf("%s: %v", codec, err)
		}
		s, err := FirstSound(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatalf("%s: %v", codec, err)
		}
		if cm, err := s.Comments(); err != nil || !slices.Contains(cm.List, "TITLE=t") {
			t.Errorf("%s: comments %+v %v", codec, cm, err)
		}
	}
}

package ogg

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestCommentsRoundTrip(t *testing.T) {
	list := []string{"TITLE=Жаңалықтар", "COMMENT=the comments", "DISCNUMBER=4", "comment=second", "EMPTY="}
	cases := []struct {
		codec    Codec
		tail     []byte
		wantTail []byte
	}{
		{Vorbis, nil, nil},
		{Opus, []byte{1, 2, 3}, []byte{1, 2, 3}}, // binary metadata: kept
		{Opus, []byte{0, 0, 0}, nil},             // padding: dropped
		{Speex, nil, nil},
		{FLAC, nil, nil},
	}
	for _, c := range cases {
		cm := &Comments{Vendor: "vendor", List: list}
		p := cm.Packet(c.codec, true)
		if c.tail != nil {
			p = append(p, c.tail...)
		}
		s := &Stream{Codec: c.codec, Headers: [][]byte{nil, p}}
		got, err := s.Comments()
		if err != nil || got.Vendor != "vendor" || !slices.Equal(got.List, list) || !bytes.Equal(got.Tail, c.wantTail) {
			t.Errorf("%s: %+v %v", c.codec, got, err)
		}
		if c.codec == FLAC && p[0] != 0x84 {
			t.Errorf("FLAC block header %x, want the last-block flag", p[0])
		}
		if c.codec == Vorbis && p[len(p)-1] != 1 {
			t.Error("Vorbis comments lack the framing bit")
		}
	}
}

func TestCommentsDamaged(t *testing.T) {
	good := (&Comments{Vendor: "v", List: []string{"A=1"}}).Packet(Opus, false)
	for name, p := range map[string][]byte{
		"cut":             good[:len(good)-2],
		"wrong prefix":    append([]byte("OpusHead"), good[8:]...),
		"count too large": append(append([]byte{}, good[:8+4+1]...), 0xFF, 0xFF, 0xFF, 0x0F),
	} {
		s := &Stream{Codec: Opus, Headers: [][]byte{nil, p}}
		if _, err := s.Comments(); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestOpusHead(t *testing.T) {
	stereo := []byte("OpusHead\x01\x02\x38\x01\x44\xac\x00\x00\x00\x01\x00")
	surround := append([]byte("OpusHead\x01\x06\x38\x01\x80\xbb\x00\x00\x00\x00\x01\x04\x02"), 0, 4, 1, 2, 3, 5)
	h, err := ParseOpusHead(stereo)
	if err != nil || h.Channels != 2 || h.PreSkip != 312 || h.InputRate != 44100 || h.Gain != 256 {
		t.Fatalf("%+v %v", h, err)
	}
	s, err := ParseOpusHead(surround)
	if err != nil || s.SameMapping(h) || !s.SameMapping(s) {
		t.Errorf("%+v %v", s, err)
	}
	if _, err := ParseOpusHead(surround[:22]); err == nil {
		t.Error("a cut channel table parsed")
	}
	SetOpusInputRate(stereo, 48000)
	if h, _ := ParseOpusHead(stereo); h.InputRate != 48000 {
		t.Error(h.InputRate)
	}
}

// corpusOgg seeds fuzzers with the corpus's Ogg files, when present.
func corpusOgg(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "realworld", "audio", "*"))
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil && bytes.HasPrefix(b, []byte("OggS")) {
			f.Add(b[:min(len(b), 8<<10)])
		}
	}
}

// FuzzRewrite: whatever FirstSound accepts, Rewrite with the same
// headers and with bigger comments gives a file FirstSound reads back
// to those headers.
func FuzzRewrite(f *testing.F) {
	f.Add(file(vorbisHeaders([]string{"A=1"}, 300), []int{3, 255, 1000}, true))
	f.Add(file(vorbisHeaders(nil, 70000), []int{70000}, false))
	corpusOgg(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := FirstSound(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			return
		}
		headers := slices.Clone(s.Headers)
		if cm, err := s.Comments(); err == nil {
			cm.List = append(cm.List, "XMP="+string(bytes.Repeat([]byte("x"), 5000)))
			headers[commentIndex] = cm.Packet(s.Codec, s.Codec == FLAC && len(headers) == 2)
		}
		var out bytes.Buffer
		if err := Rewrite(bytes.NewReader(b), int64(len(b)), &out, s, headers); err != nil {
			return // a later page is damaged
		}
		o, err := FirstSound(bytes.NewReader(out.Bytes()), int64(out.Len()))
		if err != nil || !slices.EqualFunc(o.Headers, headers, bytes.Equal) {
			t.Fatalf("rewritten headers do not read back: %v", err)
		}
	})
}

func FuzzComments(f *testing.F) {
	f.Add([]byte("OpusTags\x01\x00\x00\x00v\x01\x00\x00\x00\x03\x00\x00\x00A=1\x01"))
	f.Add((&Comments{Vendor: "v", List: []string{"A=1"}}).Packet(Vorbis, false))
	f.Fuzz(func(t *testing.T, p []byte) {
		for _, c := range []Codec{Vorbis, Opus, Speex, FLAC} {
			cm, err := (&Stream{Codec: c, Headers: [][]byte{nil, p}}).Comments()
			if err != nil {
				continue
			}
			again, err := (&Stream{Codec: c, Headers: [][]byte{nil, cm.Packet(c, false)}}).Comments()
			if err != nil || again.Vendor != cm.Vendor || !slices.Equal(again.List, cm.List) || !bytes.Equal(again.Tail, cm.Tail) {
				t.Fatalf("%s: %+v became %+v (%v)", c, cm, again, err)
			}
		}
	})
}

package meta

import (
	"bytes"
	"image"
	"image/gif"
	"strings"
	"testing"
)

func encodeGIF(t testing.TB, loop bool) []byte {
	t.Helper()
	m := paletted().(*image.Paletted)
	var b bytes.Buffer
	var err error
	if loop {
		err = gif.EncodeAll(&b, &gif.GIF{Image: []*image.Paletted{m, m}, Delay: []int{10, 10}, LoopCount: 0})
	} else {
		err = gif.Encode(&b, m, nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestGIFSplice(t *testing.T) {
	xmp := newXMP(t, oldXMP)
	for _, c := range []struct {
		name string
		enc  []byte
	}{{"still", encodeGIF(t, false)}, {"looping", encodeGIF(t, true)}} {
		t.Run(c.name, func(t *testing.T) {
			var once, twice bytes.Buffer
			if err := SpliceGIF(&once, c.enc, oldXMP); err != nil {
				t.Fatal(err)
			}
			if err := SpliceGIF(&twice, once.Bytes(), xmp); err != nil {
				t.Fatal(err)
			}
			out := twice.Bytes()
			got, err := ReadGIFXMP(out)
			if err != nil || !bytes.Equal(got, xmp) {
				t.Fatalf("read back %d bytes, err %v", len(got), err)
			}
			if n := bytes.Count(out, []byte(gifXMPID)); n != 1 {
				t.Errorf("%d XMP extensions after resplicing, want 1", n)
			}
			g, err := gif.DecodeAll(bytes.NewReader(out))
			if err != nil {
				t.Fatalf("output does not decode: %v", err)
			}
			want, _ := gif.DecodeAll(bytes.NewReader(c.enc))
			if len(g.Image) != len(want.Image) || g.LoopCount != want.LoopCount {
				t.Errorf("%d frames loop %d, want %d loop %d", len(g.Image), g.LoopCount, len(want.Image), want.LoopCount)
			}
			_, blocks, _ := walkGIF(out)
			if c.name == "looping" && blocks[0].appID != "NETSCAPE2.0" {
				t.Errorf("XMP placed before the NETSCAPE loop extension")
			}
		})
	}
}

func TestGIFBroken(t *testing.T) {
	good := encodeGIF(t, false)
	for _, c := range []brokenCase{
		{"not gif", []byte("GIF90a0000000"), "no GIF header"},
		{"truncated", good[:len(good)-3], "unexpected EOF"},
		{"no trailer", good[:len(good)-1], "no trailer"},
		{"unknown block", append(bytes.Clone(good[:len(good)-1]), 0x99), "unknown block"},
	} {
		if _, err := ReadGIFXMP(c.data); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.name, err, c.want)
		}
	}
	if err := SpliceGIF(&bytes.Buffer{}, good, []byte("a\x00b")); err == nil {
		t.Error("XMP with a NUL byte accepted: it would end the sub-block chain early")
	}
}

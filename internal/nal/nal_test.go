package nal

import (
	"bytes"
	"encoding/hex"
	"testing"
)

// srcAVCC is the avcC x264 wrote for a 320×240 High profile clip (ids 0);
// segAVCC the same encoder's with sps-id=1.
var (
	srcAVCC = mustHex("0164000dffe100196764000dacd94141fb0110000003001000000303c0f142996001000668ebe3cb22c0fdf8f800")
	segAVCC = mustHex("0164000dffe100196764000d4b3650507ec044000003000400000300f03c50a658010006684abe3cb22cfdf8f800")
)

func mustHex(s string) []byte {
	b, err := hex.DecodeString(s)
	if err != nil {
		panic(err)
	}
	return b
}

func TestAVCCRoundTripAndIDs(t *testing.T) {
	for _, rec := range [][]byte{srcAVCC, segAVCC} {
		c, err := ParseAVCC(rec)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(c.Bytes(), rec) {
			t.Errorf("round trip changed the record:\n%x\n%x", c.Bytes(), rec)
		}
	}
	c, _ := ParseAVCC(segAVCC)
	sps, pps, err := c.IDs()
	if err != nil || len(sps) != 1 || sps[0] != 1 || pps[0] != 1 {
		t.Errorf("ids %v %v %v, want [1] [1]", sps, pps, err)
	}
}

func TestMergeAVCC(t *testing.T) {
	a, _ := ParseAVCC(srcAVCC)
	b, _ := ParseAVCC(segAVCC)
	m, err := MergeAVCC(a, b, b)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.SPS) != 2 || len(m.PPS) != 2 || !bytes.Equal(m.Tail, a.Tail) {
		t.Errorf("merged %d SPS %d PPS, tail %x", len(m.SPS), len(m.PPS), m.Tail)
	}
	back, err := ParseAVCC(m.Bytes())
	if err != nil || len(back.SPS) != 2 {
		t.Errorf("merged record does not read back: %v", err)
	}
	// Two different sets under one id can't share a record.
	c := b
	c.SPS = [][]byte{a.SPS[0][:len(a.SPS[0]):len(a.SPS[0])]}
	c.SPS[0] = append(append([]byte{}, a.SPS[0][:len(a.SPS[0])-1]...), a.SPS[0][len(a.SPS[0])-1]^1)
	if _, err := MergeAVCC(a, c); err == nil {
		t.Error("two different SPS with id 0 merged")
	}
}

func TestSplitJoin(t *testing.T) {
	units := [][]byte{{0x65, 1, 2}, {0x41}, {0x06, 9, 9, 9, 9}}
	for _, size := range []int{1, 2, 4} {
		got, err := Split(Join(units, size), size)
		if err != nil || len(got) != 3 || !bytes.Equal(got[2], units[2]) {
			t.Errorf("size %d: %v %v", size, got, err)
		}
	}
	if _, err := Split([]byte{0, 0, 0, 9, 1}, 4); err == nil {
		t.Error("a length past the data was accepted")
	}
	annexB := []byte{0, 0, 0, 1, 0x67, 1, 0, 0, 1, 0x68, 2, 0, 0, 0, 1, 0x65, 3, 3}
	if got := SplitAnnexB(annexB); len(got) != 3 || got[0][0] != 0x67 || !bytes.Equal(got[2], []byte{0x65, 3, 3}) {
		t.Errorf("Annex B split %x", got)
	}
}

func TestEscapeRoundTrip(t *testing.T) {
	for _, rbsp := range [][]byte{{0, 0, 0}, {0, 0, 1, 0, 0, 2, 0, 0, 3, 0, 0, 4}, {1, 2, 3}, {0, 0}} {
		esc := escape(rbsp)
		if bytes.Contains(esc, []byte{0, 0, 1}) || bytes.Contains(esc, []byte{0, 0, 0}) || esc[len(esc)-1] == 0 {
			t.Errorf("escape(%x) = %x leaves a start code or a trailing zero", rbsp, esc)
		}
		if got := unescape(esc); !bytes.Equal(got, rbsp) && !bytes.Equal(got, append(rbsp, 3)) {
			t.Errorf("unescape(escape(%x)) = %x", rbsp, got)
		}
	}
}

func TestExpGolomb(t *testing.T) {
	var w writer
	for v := uint(0); v < 300; v += 7 {
		w.ue(v)
	}
	r := reader{b: w.b}
	for v := uint(0); v < 300; v += 7 {
		if got, err := r.ue(); err != nil || got != v {
			t.Fatalf("ue %d read back as %d (%v)", v, got, err)
		}
	}
}

func TestHEVCCleanStart(t *testing.T) {
	u := func(typ int) []byte { return []byte{byte(typ << 1), 1, 0x80} }
	cases := []struct {
		types []int
		want  bool
	}{
		{[]int{32, 33, 34, 19, 1}, true}, // IDR
		{[]int{21, 1, 0}, true},          // CRA, no leading pictures
		{[]int{21, 7, 1}, true},          // CRA with a decodable leading picture
		{[]int{21, 8, 1}, false},         // CRA with a skipped one
		{[]int{1, 19}, false},            // not a key frame
		{[]int{21}, false},               // unknown: nothing followed
	}
	for _, c := range cases {
		var units [][]byte
		for _, ty := range c.types {
			units = append(units, u(ty))
		}
		if got := HEVCCleanStart(units); got != c.want {
			t.Errorf("%v: %v, want %v", c.types, got, c.want)
		}
	}
}

// FuzzParsers: no input makes a parser panic or loop; what parses
// serialises back to what parses the same.
func FuzzParsers(f *testing.F) {
	f.Add(srcAVCC)
	f.Add(segAVCC)
	f.Add([]byte{1, 1, 0x60, 0, 0, 0, 0x90, 0, 0, 0, 0, 0, 0x5d, 0xf0, 0, 0xfc, 0xfd, 0xf8, 0xf8, 0, 0, 0x0f, 1, 0xa0, 0, 1, 0, 3, 0x40, 1, 0x0c})
	f.Fuzz(func(t *testing.T, b []byte) {
		if c, err := ParseAVCC(b); err == nil {
			if _, err := ParseAVCC(c.Bytes()); err != nil {
				t.Errorf("avcC re-serialised unreadably: %v", err)
			}
			c.IDs()
		}
		if c, err := ParseHVCC(b); err == nil {
			if _, err := ParseHVCC(c.Bytes()); err != nil {
				t.Errorf("hvcC re-serialised unreadably: %v", err)
			}
			c.UsedIDs()
			HEVCVideoSignal(b)
		}
		Split(b, 4)
		SplitAnnexB(b)
		parseParamSet(b)
		readSliceHeader(b, 1, func(uint) (*ppsInfo, *spsInfo, error) { return &ppsInfo{}, &spsInfo{ctbsInPic: 40}, nil })
		if n, err := NewRenumber([][]byte{b}, [3][]uint{{0}, {0}, {0}}); err == nil {
			n.Unit(b)
		}
	})
}

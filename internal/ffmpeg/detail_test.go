package ffmpeg

import "testing"

// x264Dump is ffprobe's -show_data dump of an avcC of 46 bytes.
const x264Dump = "\n00000000: 0164 000d ffe1 0019 6764 000d acd9 4141  .d......gd....AA\n" +
	"00000010: fb01 1000 0003 0010 0000 0303 c0f1 4299  ..............B.\n" +
	"00000020: 6001 0006 68eb e3cb 22c0 fdf8 f800       `...h...\".....\n"

func TestParseHexDump(t *testing.T) {
	b, err := ParseHexDump(x264Dump)
	if err != nil || len(b) != 46 || b[0] != 1 || b[45] != 0 || b[44] != 0xf8 {
		t.Fatalf("%x %v", b, err)
	}
	for _, bad := range []string{"00000010: 0164\n", "0000000: 01\n", "00000000: zz\n"} {
		if _, err := ParseHexDump(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	if b, err := ParseHexDump(""); err != nil || len(b) != 0 {
		t.Errorf("empty dump: %x %v", b, err)
	}
}

func TestParsePackets(t *testing.T) {
	out := []byte(`{"packets":[{"pts":0,"dts":-1024,"duration":512,"flags":"K__"},{"dts":5,"flags":"___"},{"pts":1024,"flags":"__"}]}`)
	ps, err := parsePackets(out)
	if err != nil || len(ps) != 2 || !ps[0].Key || ps[0].DTS != -1024 || ps[1].Key || ps[1].DTS != 1024 {
		t.Errorf("%+v %v", ps, err)
	}
	if _, err := parsePackets([]byte("{")); err == nil {
		t.Error("broken JSON accepted")
	}
}

func FuzzParseHexDump(f *testing.F) {
	f.Add(x264Dump)
	f.Add("00000000: 01\n")
	f.Fuzz(func(t *testing.T, s string) {
		b, err := ParseHexDump(s)
		if err == nil && len(b) > len(s) {
			t.Errorf("%d bytes from %d characters", len(b), len(s))
		}
	})
}

func FuzzParsePackets(f *testing.F) {
	f.Add([]byte(`{"packets":[{"pts":0,"dts":-1024,"duration":512,"flags":"K__"}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		ps, err := parsePackets(b)
		if err != nil && ps != nil {
			t.Error("packets with an error")
		}
	})
}

package video

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"

	"github.com/belgi-kz/belgi/internal/bmff"
)

// tinyMP4 is an MP4 with one track of two samples ("AAAA" and "BB") in
// one chunk, an avc1 sample entry whose avcC holds config, and moov last.
func tinyMP4(config []byte) []byte {
	full := func(typ string, body []byte) []byte { return bmff.Make(typ, append(make([]byte, 4), body...)) }
	u32 := func(vs ...int) []byte {
		var b []byte
		for _, v := range vs {
			b = binary.BigEndian.AppendUint32(b, uint32(v))
		}
		return b
	}
	ftyp := bmff.Make("ftyp", []byte("isom\x00\x00\x02\x00isom"))
	mdat := bmff.Make("mdat", []byte("AAAABB"))
	entry := bmff.Make("avc1", append(make([]byte, 78), bmff.Make("avcC", config)...))
	stbl := bmff.Make("stbl", bytes.Join([][]byte{
		full("stsd", append(u32(1), entry...)),
		full("stsz", u32(0, 2, 4, 2)),
		full("stsc", u32(1, 1, 2, 1)),
		full("stco", u32(1, len(ftyp)+8)),
	}, nil))
	hdlr := full("hdlr", append(u32(0), []byte("vide\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00")...))
	moov := bmff.Make("moov", bmff.Make("trak", bmff.Make("mdia", append(hdlr, bmff.Make("minf", stbl)...))))
	return bytes.Join([][]byte{ftyp, mdat, moov}, nil)
}

func TestReplaceCodecConfigAndRewriteSamples(t *testing.T) {
	path := filepath.Join(t.TempDir(), "seg.mp4")
	if err := os.WriteFile(path, tinyMP4([]byte{1, 2, 3}), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := replaceCodecConfig(path, "avcC", []byte{9, 9, 9, 9, 9}); err != nil {
		t.Fatal(err)
	}
	double := func(_ int, b []byte) ([]byte, error) { return append(append([]byte{}, b...), b...), nil }
	var seen []byte
	err := rewriteSamples(path, "avcC", double, func(old []byte) ([]byte, error) { seen = old; return []byte{7}, nil })
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(seen, []byte{9, 9, 9, 9, 9}) {
		t.Errorf("config before the rewrite %x, want the replaced one", seen)
	}
	b, _ := os.ReadFile(path)
	moov := children(b, "moov")
	tab, err := readTable(b[moov[0][0]:moov[0][1]])
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.sizes) != 2 || tab.sizes[0] != 8 || tab.sizes[1] != 4 {
		t.Fatalf("sizes %v", tab.sizes)
	}
	if got := string(b[tab.offsets[0] : tab.offsets[0]+12]); got != "AAAAAAAABBBB" {
		t.Errorf("samples %q", got)
	}
	if cfg := bmff.Path(b[moov[0][0]:moov[0][1]], append(append([]string{}, stblPath...), "stsd")...); !bytes.Contains(cfg, []byte("avcC\x07")) {
		t.Errorf("the configuration was not rewritten")
	}
}

func FuzzSampleTable(f *testing.F) {
	m := tinyMP4([]byte{1, 2, 3})
	moov := children(m, "moov")
	f.Add(m[moov[0][0]:moov[0][1]])
	f.Fuzz(func(t *testing.T, moov []byte) {
		tab, err := readTable(moov)
		if err == nil {
			tab.rewrite(moov, func(_ int, b []byte) ([]byte, error) { return b, nil })
		}
		editChild(moov, append(append([]string{}, configPath...), "avcC"), 0, func(b []byte) []byte { return b })
	})
}

package jpegcoef

import (
	"bytes"
	"errors"
	"image"
	"testing"

	"github.com/belgi-kz/belgi/internal/jpegtest"
)

// withRestarts is a small 4:2:0 file with a restart marker every 7 MCUs.
var withRestarts = jpegtest.Enc(131, 77, image.YCbCrSubsampleRatio420, 95, 7)

// rst finds the offset of the n-th (from 0) restart marker of data's
// scan.
func rst(t *testing.T, data []byte, n int) int {
	f, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	for p := f.Scans[0].Start; p+1 < f.Scans[0].End; p++ {
		if data[p] == 0xFF && data[p+1] >= 0xD0 && data[p+1] <= 0xD7 {
			if n--; n < 0 {
				return p
			}
		}
	}
	t.Fatal("not that many restart markers")
	return 0
}

func insert(data []byte, at int, b ...byte) []byte {
	return append(append(append([]byte{}, data[:at]...), b...), data[at:]...)
}

// damaged are real-world kinds of damage reduced to small files: what
// Check (the strict read-back) says, and whether the splicer's output
// from them passes Check.
var damaged = []struct {
	name     string
	make     func(t *testing.T) []byte
	outClean bool // the splice output passes Check
}{
	// Found by FuzzSplice: stray bytes in an interval the label does not
	// touch; the first pass sees them, and the interval is written bit
	// by bit without them instead of byte for byte.
	{"stray bytes before a restart marker", func(t *testing.T) []byte {
		d := withRestarts(t)
		return insert(d, rst(t, d, 0), 0x12, 0x34, 0x56)
	}, true},
	// c2pa-c_for_trusted_read.jpg: a restart marker after the last
	// interval, which decoders never read; the output drops it.
	{"restart marker after the last interval", func(t *testing.T) []byte {
		d := withRestarts(t)
		f, _ := Parse(d)
		e, _ := destuff(f, &f.Scans[0], nil)
		return insert(d, f.Scans[0].End, 0xFF, 0xD0+byte((len(e.ivs)-1)&7))
	}, true},
	// pillow_junk_jpeg_header.jpg: bytes between two segments, which
	// libjpeg skips with a warning; the output has none.
	{"junk between segments", func(t *testing.T) []byte {
		d := withRestarts(t)
		f, _ := Parse(d)
		return insert(d, f.Segs[1].Off, 'h', 'e', 'l', 'l', 'o')
	}, true},
}

func TestDamagedInputs(t *testing.T) {
	for _, tc := range damaged {
		t.Run(tc.name, func(t *testing.T) {
			data := tc.make(t)
			if err := Check(data); !errors.Is(err, ErrCorrupt) {
				t.Fatalf("Check: %v, want a corrupt-data error", err)
			}
			p, err := Open(data)
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			out, _, p := splice(t, data, labelRect(p.Bounds()))
			if err := Check(out); (err == nil) != tc.outClean {
				t.Errorf("Check of the output: %v", err)
			}
			if err := p.Verify(out); (err == nil) != tc.outClean {
				t.Errorf("Verify of the output: %v", err)
			}
		})
	}
}

// broken inputs are refused by Parse or Check, never a panic.
var broken = []struct {
	name string
	data func(t *testing.T) []byte
}{
	{"empty", func(*testing.T) []byte { return nil }},
	{"SOI only", func(*testing.T) []byte { return []byte{0xFF, 0xD8} }},
	{"cut in the scan", func(t *testing.T) []byte { d := withRestarts(t); return d[:len(d)*2/3] }},
	{"no EOI", func(t *testing.T) []byte { d := withRestarts(t); return d[:len(d)-2] }},
	{"restart marker out of order", func(t *testing.T) []byte {
		d := bytes.Clone(withRestarts(t))
		d[rst(t, d, 1)+1] ^= 4
		return d
	}},
	{"scan before frame", func(*testing.T) []byte {
		return []byte("\xff\xd8\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00\xff\xd9")
	}},
	{"over-full DHT", func(*testing.T) []byte {
		return []byte("\xff\xd8\xff\xc4\x00\x16\x00\x03" + string(make([]byte, 15)) + "\x00\x01\x02\xff\xd9")
	}},
	{"data after EOI", func(t *testing.T) []byte { return append(withRestarts(t), 1, 2, 3) }},
	// Found by FuzzSplice: libjpeg refuses a DC table with a symbol over
	// 15 when a scan uses it ("Bogus Huffman table definition").
	{"DC table with a symbol over 15", func(t *testing.T) []byte {
		d := bytes.Clone(withRestarts(t))
		f, _ := Parse(d)
		for _, sg := range f.Segs {
			if sg.Marker == 0xC4 && d[sg.Off+4]>>4 == 0 {
				n := 0
				for _, c := range d[sg.Off+5 : sg.Off+21] {
					n += int(c)
				}
				d[sg.Off+20+n] = 0x10 // its last symbol
				return d
			}
		}
		t.Fatal("no DC table")
		return nil
	}},
}

func TestBrokenRefused(t *testing.T) {
	for _, tc := range broken {
		if err := Check(tc.data(t)); err == nil {
			t.Errorf("%s: Check passed", tc.name)
		}
	}
}

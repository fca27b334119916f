package jpegenc

import (
	"bytes"
	"image"
	"image/jpeg"
	"testing"
)

func TestZigzagIsAPermutationInScanOrder(t *testing.T) {
	want := []uint8{0, 1, 8, 16, 9, 2, 3, 10, 17, 24} // T.81 Figure 5, first ten
	for k, n := range want {
		if zigzag[k] != n {
			t.Fatalf("zigzag[%d] = %d, want %d", k, zigzag[k], n)
		}
	}
	if zigzag[63] != 63 || zigzag[62] != 62 || zigzag[61] != 55 {
		t.Fatalf("zigzag tail = %v", zigzag[60:])
	}
	seen := map[uint8]bool{}
	for _, n := range zigzag {
		seen[n] = true
	}
	if len(seen) != 64 {
		t.Fatalf("zigzag covers %d indices", len(seen))
	}
}

func TestEstimateQualityRoundTrips(t *testing.T) {
	for _, q := range []int{1, 10, 25, 50, 75, 85, 90, 95, 100} {
		luma, _ := StandardTables(q)
		got := EstimateQuality(&luma)
		// At high quality several q scale to the same table; then ±1 is
		// all the table can tell.
		if got < q-1 || got > q+1 {
			t.Errorf("EstimateQuality(StandardTables(%d)) = %d", q, got)
		}
	}
}

// TestTablesMatchImageJPEG checks StandardTables and EstimateQuality
// against tables that image/jpeg, not this package, wrote.
func TestTablesMatchImageJPEG(t *testing.T) {
	img := image.NewGray(image.Rect(0, 0, 8, 8))
	for _, q := range []int{50, 75, 85, 90, 95, 100} {
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: q}); err != nil {
			t.Fatal(err)
		}
		var tabs [4]*[64]uint16
		if err := ParseDQT(segments(t, buf.Bytes())[markerDQT][0], &tabs); err != nil {
			t.Fatal(err)
		}
		luma, _ := StandardTables(q)
		if *tabs[0] != luma {
			t.Errorf("q=%d: image/jpeg luma %v, StandardTables %v", q, *tabs[0], luma)
		}
		if got := EstimateQuality(tabs[0]); got < q-1 || got > q+1 {
			t.Errorf("q=%d: estimated %d", q, got)
		}
	}
}

func TestParseDQT(t *testing.T) {
	tests := []struct {
		name    string
		payload []byte
		wantErr bool
	}{
		{"8-bit", append([]byte{0x01}, ramp(1, 64)...), false},
		{"16-bit", append([]byte{0x12}, wide(300, 64)...), false},
		{"two tables", append(append([]byte{0x00}, ramp(1, 64)...), append([]byte{0x03}, ramp(2, 64)...)...), false},
		{"truncated", append([]byte{0x00}, ramp(1, 63)...), true},
		{"bad precision", append([]byte{0x20}, ramp(1, 64)...), true},
		{"bad destination", append([]byte{0x04}, ramp(1, 64)...), true},
		{"zero entry", append([]byte{0x00}, make([]byte, 64)...), true},
	}
	for _, tt := range tests {
		var dst [4]*[64]uint16
		err := ParseDQT(tt.payload, &dst)
		if (err != nil) != tt.wantErr {
			t.Errorf("%s: err = %v, wantErr %v", tt.name, err, tt.wantErr)
		}
	}
	var dst [4]*[64]uint16
	if err := ParseDQT(append([]byte{0x12}, wide(300, 64)...), &dst); err != nil {
		t.Fatal(err)
	}
	// Zigzag position 2 is natural index 8 (row 1, column 0).
	if dst[2] == nil || dst[2][8] != 302 || dst[2][1] != 301 || dst[2][63] != 363 {
		t.Fatalf("16-bit table not de-zigzagged: %v", dst[2])
	}
}

func ramp(start, n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(start + i)
	}
	return b
}

func wide(start, n int) []byte {
	var b []byte
	for i := range n {
		v := start + i
		b = append(b, byte(v>>8), byte(v))
	}
	return b
}

// TestStandardHuffmanSpecs guards the Annex K tables typed in huffman.go:
// counts must match the symbol lists, AC tables must hold every
// run/size symbol baseline can emit, and the canonical codes must fit
// their lengths (a complete-or-short prefix code).
func TestStandardHuffmanSpecs(t *testing.T) {
	for i, spec := range []*huffSpec{&stdDCLuma, &stdACLuma, &stdDCChroma, &stdACChroma} {
		total := 0
		for _, c := range spec.counts {
			total += int(c)
		}
		if total != len(spec.values) {
			t.Errorf("spec %d: counts sum to %d, %d values", i, total, len(spec.values))
		}
		table := spec.build()
		seen := map[uint8]bool{}
		for _, v := range spec.values {
			if seen[v] {
				t.Errorf("spec %d: symbol %#02x twice", i, v)
			}
			seen[v] = true
			if c := table[v]; c.n == 0 || c.bits >= 1<<c.n || c.bits == 1<<c.n-1 {
				t.Errorf("spec %d: symbol %#02x code %b/%d (all-ones codes are reserved)", i, v, c.bits, c.n)
			}
		}
		if i%2 == 1 {
			for run := range 16 {
				for size := 1; size <= 10; size++ {
					if !seen[uint8(run<<4|size)] {
						t.Errorf("AC spec %d lacks run %d size %d", i, run, size)
					}
				}
			}
			if !seen[0x00] || !seen[0xF0] {
				t.Errorf("AC spec %d lacks EOB or ZRL", i)
			}
		}
	}
}

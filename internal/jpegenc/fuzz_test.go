package jpegenc

import (
	"bytes"
	"errors"
	"image/jpeg"
	"math/rand/v2"
	"strings"
	"testing"
)

// FuzzEncode feeds random sizes, sampling factors, tables and restart
// intervals. Encode may refuse only layouts over the MCU limit; whatever
// it writes must end in EOI and decode to the right size with image/jpeg,
// which may refuse only layouts it does not support.
func FuzzEncode(f *testing.F) {
	for i, sz := range sizes {
		f.Add(uint16(sz[0]), uint16(sz[1]), uint8(3), uint32(0x21111111), uint64(i), uint8(0))
	}
	f.Add(uint16(1), uint16(1), uint8(1), uint32(0x44), uint64(9), uint8(1))
	f.Add(uint16(33), uint16(17), uint8(4), uint32(0x22111122), uint64(3), uint8(2))
	f.Add(uint16(9), uint16(70), uint8(3), uint32(0x42111111), uint64(5), uint8(255))
	f.Fuzz(func(t *testing.T, w, h uint16, n uint8, factors uint32, seed uint64, ri uint8) {
		fr := fuzzFrame(int(w%300)+1, int(h%300)+1, int(n%4)+1, factors, seed)
		fr.RestartInterval = int(ri)
		var buf bytes.Buffer
		err := Encode(&buf, fr)
		if err != nil {
			if !strings.Contains(err.Error(), "blocks per MCU") {
				t.Fatalf("Encode refused a valid frame: %v", err)
			}
			return
		}
		if !bytes.HasSuffix(buf.Bytes(), []byte{0xFF, markerEOI}) {
			t.Fatal("output does not end in EOI")
		}
		img, err := jpeg.Decode(&buf)
		var unsupported jpeg.UnsupportedError
		if errors.As(err, &unsupported) {
			return
		}
		if err != nil {
			t.Fatalf("image/jpeg: %v", err)
		}
		if b := img.Bounds(); b.Dx() != fr.Width || b.Dy() != fr.Height {
			t.Fatalf("decoded %v, want %dx%d", b, fr.Width, fr.Height)
		}
	})
}

// fuzzFrame builds n planes whose factors come from the nibbles of
// factors, with random samples and random tables that sometimes need
// 16-bit entries.
func fuzzFrame(w, h, n int, factors uint32, seed uint64) *Frame {
	rng := rand.New(rand.NewPCG(seed, seed>>32))
	f := &Frame{Width: w, Height: h}
	for i := range 2 {
		q := new([64]uint16)
		limit := 255
		if seed%5 == 0 {
			limit = 1000
		}
		for k := range q {
			q[k] = uint16(1 + rng.IntN(limit))
		}
		f.Quant[i] = q
	}
	for i := range n {
		nib := factors >> (8 * i)
		f.Components = append(f.Components, Component{
			ID: byte(i + 1), H: int(nib>>4&3) + 1, V: int(nib&3) + 1, Tq: min(i, 1),
		})
	}
	for i := range f.Components {
		pw, ph := f.PlaneSize(i)
		c := &f.Components[i]
		c.Stride = pw + rng.IntN(3)
		c.Pix = make([]byte, (ph-1)*c.Stride+pw)
		for j := range c.Pix {
			c.Pix[j] = byte(rng.Uint32())
		}
	}
	return f
}

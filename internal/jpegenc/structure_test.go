package jpegenc

import (
	"bytes"
	"errors"
	"image"
	"strings"
	"testing"
)

// planeFrame builds a frame of photo-like planes with the given factors.
func planeFrame(w, h int, factors [][2]int, quant [4]*[64]uint16) *Frame {
	f := &Frame{Width: w, Height: h, Quant: quant}
	for i, hv := range factors {
		f.Components = append(f.Components, Component{ID: byte(i + 1), H: hv[0], V: hv[1], Tq: min(i, 1)})
	}
	for i := range f.Components {
		pw, ph := f.PlaneSize(i)
		c := &f.Components[i]
		c.Pix, c.Stride = make([]byte, pw*ph), pw
		photoLike(c.Pix, pw, ph, pw, uint64(i))
	}
	return f
}

func std(q int) [4]*[64]uint16 {
	l, c := StandardTables(q)
	return [4]*[64]uint16{&l, &c}
}

func TestWrittenDQTEqualsGivenTables(t *testing.T) {
	var odd, big [64]uint16
	for i := range odd {
		odd[i] = uint16(1 + i*3) // distinct per position, so order errors show
		big[i] = uint16(200 + i*20)
	}
	quant := [4]*[64]uint16{nil, nil, &odd, &big}
	f := planeFrame(40, 24, [][2]int{{2, 2}, {1, 1}, {1, 1}}, quant)
	f.Components[0].Tq, f.Components[1].Tq, f.Components[2].Tq = 2, 3, 3
	data := encodeFrame(t, f)
	seg := segments(t, data)
	var got [4]*[64]uint16
	for _, p := range seg[markerDQT] {
		if err := ParseDQT(p, &got); err != nil {
			t.Fatal(err)
		}
	}
	if got[0] != nil || got[1] != nil || *got[2] != odd || *got[3] != big {
		t.Fatalf("DQT round trip: got %v", got)
	}
	if seg[markerSOF1] == nil || seg[markerSOF0] != nil {
		t.Fatal("16-bit table must be written under SOF1, not SOF0")
	}
	decode(t, data) // image/jpeg reads SOF1 and 16-bit tables
}

// TestSOFFactors checks the sampling factors written, including frames
// that are normalized: a common divisor is removed and a lone component
// is 1×1.
func TestSOFFactors(t *testing.T) {
	tests := []struct {
		name string
		in   [][2]int
		want []byte
	}{
		{"420", [][2]int{{2, 2}, {1, 1}, {1, 1}}, []byte{0x22, 0x11, 0x11}},
		{"411", [][2]int{{4, 1}, {1, 1}, {1, 1}}, []byte{0x41, 0x11, 0x11}},
		{"422 chroma subsampled vertically", [][2]int{{2, 2}, {1, 2}, {1, 2}}, []byte{0x21, 0x11, 0x11}},
		{"all 2x2", [][2]int{{2, 2}, {2, 2}, {2, 2}}, []byte{0x11, 0x11, 0x11}},
		{"gray 2x2", [][2]int{{2, 2}}, []byte{0x11}},
		{"odd mix", [][2]int{{3, 1}, {1, 2}, {1, 1}}, []byte{0x31, 0x12, 0x11}},
	}
	for _, tt := range tests {
		sof := segments(t, encodeFrame(t, planeFrame(21, 13, tt.in, std(90))))[markerSOF0][0]
		for i, want := range tt.want {
			if got := sof[6+3*i+1]; got != want {
				t.Errorf("%s: component %d factors %#02x, want %#02x", tt.name, i, got, want)
			}
		}
	}
}

// TestRestartIntervalKeepsPixels: restart markers change the bitstream
// but never the decoded pixels.
func TestRestartIntervalKeepsPixels(t *testing.T) {
	base := planeFrame(75, 41, [][2]int{{2, 1}, {1, 1}, {1, 1}}, std(85))
	want := decode(t, encodeFrame(t, base)).(*image.YCbCr)
	for _, ri := range []int{1, 3, 7, 9, 100} {
		f := *base
		f.RestartInterval = ri
		data := encodeFrame(t, &f)
		if segments(t, data)[markerDRI] == nil {
			t.Fatalf("ri=%d: no DRI", ri)
		}
		if ri < 7 && !bytes.Contains(data, []byte{0xFF, 0xD7}) {
			t.Fatalf("ri=%d: RST7 never written; markers must cycle", ri)
		}
		got := decode(t, data).(*image.YCbCr)
		if !bytes.Equal(got.Y, want.Y) || !bytes.Equal(got.Cr, want.Cr) {
			t.Errorf("ri=%d: pixels differ from the unrestarted encode", ri)
		}
	}
}

func TestInvalidFrames(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(f *Frame)
		want   string
	}{
		{"zero width", func(f *Frame) { f.Width = 0 }, "image size"},
		{"no components", func(f *Frame) { f.Components = nil }, "0 components"},
		{"factor 5", func(f *Frame) { f.Components[0].H = 5 }, "sampling factors"},
		{"missing table", func(f *Frame) { f.Components[1].Tq = 2 }, "no quantization table 2"},
		{"zero quantizer", func(f *Frame) { q := *f.Quant[0]; q[5] = 0; f.Quant[0] = &q }, "zero entry"},
		{"short plane", func(f *Frame) { f.Components[2].Pix = f.Components[2].Pix[:10] }, "plane needs"},
		{"duplicate id", func(f *Frame) { f.Components[2].ID = 1 }, "duplicate"},
		{"too many blocks", func(f *Frame) { f.Components[0].H, f.Components[0].V = 4, 4 }, "blocks per MCU"},
		{"bad restart", func(f *Frame) { f.RestartInterval = -1 }, "restart"},
	}
	for _, tt := range tests {
		f := planeFrame(16, 16, [][2]int{{1, 1}, {1, 1}, {1, 1}}, std(90))
		tt.mutate(f)
		var buf bytes.Buffer
		err := Encode(&buf, f)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want mention of %q", tt.name, err, tt.want)
		}
		if buf.Len() != 0 {
			t.Errorf("%s: %d bytes written for an invalid frame", tt.name, buf.Len())
		}
	}
}

type failWriter struct{ n int }

func (w *failWriter) Write(p []byte) (int, error) {
	if w.n += len(p); w.n > 1000 {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

func TestWriteErrorIsReported(t *testing.T) {
	f := planeFrame(512, 512, [][2]int{{1, 1}}, std(100))
	if err := EncodeSegments(&failWriter{}, f); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("err = %v, want the writer's error", err)
	}
}

func TestEncodeSegmentsLeavesHeadToCaller(t *testing.T) {
	var buf bytes.Buffer
	if err := EncodeSegments(&buf, planeFrame(8, 8, [][2]int{{1, 1}}, std(90))); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	if !bytes.HasPrefix(b, []byte{0xFF, markerDQT}) || !bytes.HasSuffix(b, []byte{0xFF, markerEOI}) {
		t.Fatalf("segments start % x, end % x", b[:2], b[len(b)-2:])
	}
	// With the caller's SOI in front it is a whole file.
	decode(t, append([]byte{0xFF, markerSOI}, b...))
}

func TestAdobeAPP14OnlyForFourComponents(t *testing.T) {
	gray := encodeFrame(t, planeFrame(8, 8, [][2]int{{1, 1}}, std(90)))
	cmyk := encodeFrame(t, planeFrame(8, 8, [][2]int{{1, 1}, {1, 1}, {1, 1}, {1, 1}}, std(90)))
	if segments(t, gray)[markerAPP14] != nil {
		t.Error("APP14 written for a gray frame")
	}
	app := segments(t, cmyk)[markerAPP14]
	if len(app) != 1 || !bytes.HasPrefix(app[0], []byte("Adobe")) || app[0][len(app[0])-1] != 0 {
		t.Errorf("APP14 = %q, want Adobe with transform 0", app)
	}
}

package wav

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/internal/pcm"
)

func ramp(rate, channels, frames int) *pcm.PCM {
	p := pcm.New(rate, channels, frames)
	for i := range p.Samples {
		p.Samples[i] = float32(math.Sin(float64(i) / 7))
	}
	return p
}

// extensible returns a WAVE_FORMAT_EXTENSIBLE fmt body for f.
func extensible(f Format) Format {
	raw := make([]byte, 40)
	copy(raw, f.Raw)
	le := binary.LittleEndian
	le.PutUint16(raw, tagExtensible)
	le.PutUint16(raw[16:], 22)
	le.PutUint16(raw[18:], uint16(f.Bits))
	le.PutUint16(raw[24:], uint16(f.Tag))
	f.Raw = raw
	return f
}

func TestRoundTripFormats(t *testing.T) {
	for _, tc := range []struct {
		name string
		f    Format
		tol  float64
	}{
		{"8-bit", NewFormat(TagPCM, 8, 8000, 1), 1.0 / 127},
		{"16-bit", NewFormat(TagPCM, 16, 44100, 2), 1.0 / 32767},
		{"24-bit", NewFormat(TagPCM, 24, 48000, 2), 1e-6},
		{"32-bit", NewFormat(TagPCM, 32, 96000, 6), 1e-6},
		{"float32", NewFormat(TagFloat, 32, 44100, 2), 0},
		{"float64", NewFormat(TagFloat, 64, 48000, 1), 0},
		{"extensible 24-bit", extensible(NewFormat(TagPCM, 24, 48000, 6)), 1e-6},
	} {
		p := ramp(tc.f.Rate, tc.f.Channels, 999)
		var b bytes.Buffer
		if err := Write(&b, tc.f, p, RawChunk{ID: "bext", Body: []byte("odd")}); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		got, err := Decode(b.Bytes())
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if got.Rate != p.Rate || got.Channels != p.Channels || got.Frames() != p.Frames() {
			t.Fatalf("%s: %d Hz × %d, %d frames", tc.name, got.Rate, got.Channels, got.Frames())
		}
		for i, v := range p.Samples {
			if d := math.Abs(float64(got.Samples[i] - v)); d > tc.tol {
				t.Fatalf("%s: sample %d is %v, want %v", tc.name, i, got.Samples[i], v)
			}
		}
	}
}

func TestParseErrors(t *testing.T) {
	var good bytes.Buffer
	Write(&good, PCM16(8000, 1), ramp(8000, 1, 100))
	fakeRF64 := append([]byte("RF64"), good.Bytes()[4:]...) // no ds64: sizes as RIFF
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "not a WAV"},
		{"text", []byte("hello, this is not audio at all"), "not a WAV"},
		{"truncated", good.Bytes()[:100], "truncated"},
		{"header only", good.Bytes()[:36], "no data chunk"},
		{"fmt says 0 channels", append(append([]byte{}, good.Bytes()[:22]...), append([]byte{0, 0}, good.Bytes()[24:]...)...), "channels"},
	} {
		_, err := Parse(bytes.NewReader(tc.data), int64(len(tc.data)))
		if err == nil || !bytes.Contains([]byte(err.Error()), []byte(tc.want)) {
			t.Errorf("%s: error %v, want one mentioning %q", tc.name, err, tc.want)
		}
	}
	if _, err := Parse(bytes.NewReader(nil), 0); !errors.Is(err, ErrNotWAV) {
		t.Errorf("empty input: %v does not wrap ErrNotWAV", err)
	}
	if _, err := Parse(bytes.NewReader(good.Bytes()[:100]), 100); !errors.Is(err, ErrTruncated) {
		t.Errorf("cut data: %v does not wrap ErrTruncated", err)
	}
	if f, err := Parse(bytes.NewReader(fakeRF64), int64(len(fakeRF64))); err != nil || f.Form != "RF64" || f.Frames() != 100 {
		t.Errorf("RF64 without ds64: %v %v", f, err)
	}
}

// writeForm writes frames of 16-bit mono at 8 kHz as a file of the form,
// with a fact chunk the way codec WAVs carry one.
func writeForm(t *testing.T, form string, frames int) []byte {
	t.Helper()
	f := PCM16(8000, 1)
	data := f.Encode(nil, ramp(8000, 1, frames).Samples)
	var b bytes.Buffer
	h := Header{Form: form, Format: f, Extra: []RawChunk{{ID: "fact", Body: []byte{1, 2, 3, 4}}}, DataSize: int64(len(data))}
	if err := h.Write(&b); err != nil {
		t.Fatal(err)
	}
	b.Write(data)
	return b.Bytes()
}

func TestRF64AndBW64(t *testing.T) {
	for _, form := range []string{"RIFF", "RF64", "BW64"} {
		b := writeForm(t, form, 333)
		f, err := Parse(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatalf("%s: %v", form, err)
		}
		if f.Form != form || f.Frames() != 333 || f.Data.Offset+f.Data.Size != int64(len(b)) {
			t.Errorf("%s: form %s, %d frames, data at %d+%d of %d", form, f.Form, f.Frames(), f.Data.Offset, f.Data.Size, len(b))
		}
		if form != "RIFF" && (f.FactSamples != 333 || f.Chunks[0].ID != "ds64") {
			t.Errorf("%s: ds64 says %d samples; chunks %v", form, f.FactSamples, f.Chunks)
		}
	}
}

func TestCodecFormats(t *testing.T) {
	ima := NewFormat(TagIMAADPCM, 4, 44100, 1)
	ima.BlockAlign = 1024
	binary.LittleEndian.PutUint16(ima.Raw[12:], 1024)
	ima.Raw = append(ima.Raw, 2, 0, 0xF9, 0x07) // cbSize, samples per block
	var b bytes.Buffer
	if err := (Header{Format: ima, DataSize: 2048}).Write(&b); err != nil {
		t.Fatal(err)
	}
	b.Write(make([]byte, 2048))
	f, err := Parse(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil || f.PCM() || f.Tag != TagIMAADPCM || f.BlockAlign != 1024 {
		t.Fatalf("IMA ADPCM: %+v %v", f, err)
	}
}

func TestUnfinishedHeaderReadsToEnd(t *testing.T) {
	var b bytes.Buffer
	Write(&b, PCM16(8000, 1), ramp(8000, 1, 100))
	data := b.Bytes()
	binary.LittleEndian.PutUint32(data[40:], 0xFFFFFFFF) // a recorder that never finished
	f, err := Parse(bytes.NewReader(data), int64(len(data)))
	if err != nil || f.Frames() != 100 {
		t.Fatalf("frames %v, err %v", f, err)
	}
}

func FuzzParse(f *testing.F) {
	var b bytes.Buffer
	Write(&b, PCM16(8000, 2), ramp(8000, 2, 10), RawChunk{ID: "_PMX", Body: []byte("<x/>")})
	f.Add(b.Bytes())
	f.Add([]byte("RIFF\x00\x00\x00\x00WAVE"))
	f.Add(append([]byte("RF64\xff\xff\xff\xffWAVEds64\x1c\x00\x00\x00"), make([]byte, 28)...))
	paths, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "realworld", "audio", "*"))
	for _, p := range paths {
		if ext := strings.ToLower(filepath.Ext(p)); ext == ".wav" {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b[:min(len(b), 32<<10)])
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		wf, err := Parse(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return
		}
		if wf.Data.Offset+wf.Data.Size > int64(len(data)) {
			t.Fatalf("data chunk beyond the input")
		}
	})
}

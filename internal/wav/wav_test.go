package wav

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math"
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
	rf64 := append([]byte("RF64"), good.Bytes()[4:]...)
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "not a WAV"},
		{"text", []byte("hello, this is not audio at all"), "not a WAV"},
		{"truncated", good.Bytes()[:100], "truncated"},
		{"header only", good.Bytes()[:36], "no data chunk"},
		{"rf64", rf64, "RF64"},
	} {
		_, err := Parse(bytes.NewReader(tc.data), int64(len(tc.data)))
		if err == nil || !bytes.Contains([]byte(err.Error()), []byte(tc.want)) {
			t.Errorf("%s: error %v, want one mentioning %q", tc.name, err, tc.want)
		}
	}
	if _, err := Parse(bytes.NewReader(nil), 0); !errors.Is(err, ErrNotWAV) {
		t.Errorf("empty input: %v does not wrap ErrNotWAV", err)
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

package meta

import (
	"bytes"
	"testing"
)

func BenchmarkParseAndWriteJPEG(b *testing.B) {
	src := jpegCases(b)[1].src
	frame := encodeJPEG(b, testImage(64, 64))
	xmp := newXMP(b, oldXMP)
	var out bytes.Buffer
	for b.Loop() {
		info, err := ParseJPEG(src)
		if err != nil {
			b.Fatal(err)
		}
		out.Reset()
		if _, err := WriteJPEG(&out, info, xmp, frame); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSplicePNG(b *testing.B) {
	src := richPNG(b, rgbICC)
	enc := encodePNG(b, testImage(64, 64))
	xmp := newXMP(b, oldXMP)
	var out bytes.Buffer
	for b.Loop() {
		info, err := ParsePNG(src)
		if err != nil {
			b.Fatal(err)
		}
		out.Reset()
		if _, err := SplicePNG(&out, enc, info, xmp); err != nil {
			b.Fatal(err)
		}
	}
}

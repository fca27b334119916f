package meta

import (
	"bytes"
	"encoding/binary"
	"image"
	"testing"
)

// fuzzXMP is small and odd-length, so padding paths run too.
var fuzzXMP = []byte(`<x:xmpmeta xmlns:x="adobe:ns:meta/">fuzz</x:xmpmeta>`)

// FuzzParseJPEG: no input panics, and whatever parses can be rewritten
// and read back with the new XMP and the same EXIF.
func FuzzParseJPEG(f *testing.F) {
	for _, c := range jpegCases(f) {
		f.Add(c.src)
	}
	for _, c := range brokenJPEGs(encodeJPEG(f, testImage(8, 8))) {
		f.Add(c.data)
	}
	frame := encodeJPEG(f, testImage(8, 8))
	f.Add(withDNL(f, frame, 8))
	pair, _ := mpo(f)
	f.Add(pair)
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzMPF(t, data, frame)
		if fixed, changed, err := ResolveDNL(data); changed && err == nil {
			if _, err := WalkJPEG(fixed); err != nil {
				t.Fatalf("DNL resolved into a file that does not walk: %v", err)
			}
		}
		info, err := ParseJPEG(data)
		if err != nil {
			return
		}
		var out bytes.Buffer
		if _, err := WriteJPEG(&out, info, fuzzXMP, frame); err != nil {
			t.Fatalf("parsed input could not be rewritten: %v", err)
		}
		got, err := ParseJPEG(out.Bytes())
		if err != nil {
			t.Fatalf("rewritten output does not parse: %v", err)
		}
		if !bytes.Equal(got.XMP, fuzzXMP) || !bytes.Equal(got.EXIF, info.EXIF) {
			t.Errorf("round trip lost XMP or EXIF")
		}
	})
}

// FuzzSplicePNG: no input panics, and whatever parses can be spliced and
// read back with exactly the new XMP.
func FuzzSplicePNG(f *testing.F) {
	good := encodePNG(f, testImage(4, 4))
	f.Add(good)
	f.Add(richPNG(f, rgbICC))
	f.Add(encodePNG(f, paletted()))
	f.Add(withChunks(f, good, []PNGChunk{{"iCCP", []byte("x\x00\x00\x78\x9c")}, {"iTXt", []byte("k\x00\x01\x00\x00\x00zz")}}, nil))
	f.Add(good[:45])
	enc := encodePNG(f, image.NewGray(image.Rect(0, 0, 3, 3)))
	f.Fuzz(func(t *testing.T, data []byte) {
		info, err := ParsePNG(data)
		if err != nil {
			return
		}
		var out bytes.Buffer
		if _, err := SplicePNG(&out, enc, info, fuzzXMP); err != nil {
			t.Fatalf("parsed input could not be spliced: %v", err)
		}
		got, err := ParsePNG(out.Bytes())
		if err != nil {
			t.Fatalf("spliced output does not parse: %v", err)
		}
		if !bytes.Equal(got.XMP, fuzzXMP) || !bytes.Equal(got.EXIF, info.EXIF) {
			t.Errorf("round trip lost XMP or EXIF")
		}
	})
}

// FuzzOtherContainers covers WebP, GIF, TIFF and ReadXMP the same way.
func FuzzOtherContainers(f *testing.F) {
	f.Add(richWebP(f, rgbICC))
	f.Add(animatedSource(f))
	f.Add(encodeGIF(f, true))
	f.Add(sourceTIFF(binary.BigEndian, rgbICC))
	f.Add(sourceTIFF(binary.LittleEndian, cmykICC))
	f.Add([]byte("RIFF\x0c\x00\x00\x00WEBPVP8L\x05\x00\x00\x00\x2f\x00\x00\x00\x00"))
	encW := encodeWebP(f, testImage(4, 4), true)
	encT := encodeTIFF(f, testImage(4, 4))
	f.Fuzz(func(t *testing.T, data []byte) {
		ReadXMP(data)
		fuzzWebP(t, data, encW)
		fuzzGIF(t, data)
		fuzzTIFF(t, data, encT)
	})
}

func fuzzWebP(t *testing.T, data, enc []byte) {
	info, err := ParseWebP(data)
	if err != nil {
		return
	}
	if frames, err := info.Frames(); err == nil && len(frames) > 0 && info.Width > 0 {
		var out bytes.Buffer
		if _, err := SpliceAnimatedWebP(&out, info.Width, info.Height, frames, info, fuzzXMP); err == nil {
			got, err := ParseWebP(out.Bytes())
			if err != nil {
				t.Fatalf("animated webp round trip: %v", err)
			}
			if again, err := got.Frames(); err != nil || len(again) != len(frames) {
				t.Fatalf("animated webp round trip: %d of %d frames, %v", len(again), len(frames), err)
			}
		}
	}
	var out bytes.Buffer
	if _, err := SpliceWebP(&out, enc, info, fuzzXMP); err != nil {
		t.Fatalf("webp splice: %v", err)
	}
	if got, err := ParseWebP(out.Bytes()); err != nil || !bytes.Equal(got.XMP, fuzzXMP) {
		t.Fatalf("webp round trip: %v", err)
	}
}

func fuzzGIF(t *testing.T, data []byte) {
	if _, err := ReadGIFXMP(data); err != nil {
		return
	}
	var out bytes.Buffer
	if err := SpliceGIF(&out, data, fuzzXMP); err != nil {
		t.Fatalf("gif splice: %v", err)
	}
	if got, err := ReadGIFXMP(out.Bytes()); err != nil || !bytes.Equal(got, fuzzXMP) {
		t.Fatalf("gif round trip: %q, %v", got, err)
	}
}

func fuzzTIFF(t *testing.T, data, enc []byte) {
	if l, err := ParseTIFFLayout(data); err == nil && (l.Width <= 0 || l.Height <= 0 || l.TileW <= 0 || l.TileH > l.Height) {
		t.Fatalf("tiff layout %+v", l)
	}
	info, err := ParseTIFF(data)
	if err != nil {
		return
	}
	var out bytes.Buffer
	if _, err := SpliceTIFF(&out, enc, info, fuzzXMP); err != nil {
		t.Fatalf("tiff splice: %v", err)
	}
	got, err := ParseTIFF(out.Bytes())
	if err != nil || !bytes.Equal(got.XMP, fuzzXMP) {
		t.Fatalf("tiff round trip: %v", err)
	}
	if len(got.subs) != len(info.subs) || len(got.notes) > 0 {
		t.Fatalf("tiff round trip: %d of %d sub-directories, notes %q", len(got.subs), len(info.subs), got.notes)
	}
}

// fuzzMPF: what splits can be shifted and joined again, and splits back
// into the same images.
func fuzzMPF(t *testing.T, data, frame []byte) {
	mp, ok, err := SplitMPF(data)
	if !ok || err != nil {
		return
	}
	if _, err := ShiftMPF(mp.Index, 7, 3); err != nil {
		t.Fatalf("split index does not shift: %v", err)
	}
	joined, err := JoinMPF(frame, mp.Index, mp.Parts)
	if err != nil {
		return // an index too large to rewrite, or more images than entries
	}
	again, ok, err := SplitMPF(joined)
	if !ok || err != nil || len(again.Parts) != len(mp.Parts) {
		t.Fatalf("joined file splits into %v, %v", ok, err)
	}
}

package jpegenc

import (
	"bytes"
	"image"
	"image/jpeg"
	"math"
	"math/rand/v2"
	"testing"
)

// photoLike fills a plane with a smooth gradient plus mild noise, which
// codes like a real photo: mostly low frequencies, some texture.
func photoLike(pix []byte, w, h, stride int, seed uint64) {
	rng := rand.New(rand.NewPCG(seed, 1))
	for y := range h {
		for x := range w {
			v := 128 + 90*math.Sin(float64(x)/37+float64(seed))*math.Cos(float64(y)/53)
			v += rng.NormFloat64() * 4
			pix[y*stride+x] = byte(min(max(v, 0), 255))
		}
	}
}

func newYCbCr(w, h int, ratio image.YCbCrSubsampleRatio) *image.YCbCr {
	img := image.NewYCbCr(image.Rect(0, 0, w, h), ratio)
	photoLike(img.Y, w, h, img.YStride, 1)
	cw, ch := img.CStride, len(img.Cb)/img.CStride
	photoLike(img.Cb, cw, ch, img.CStride, 2)
	photoLike(img.Cr, cw, ch, img.CStride, 3)
	return img
}

// psnr compares two planes of the same w×h over their own strides.
func psnr(a []byte, as int, b []byte, bs, w, h int) float64 {
	var se float64
	for y := range h {
		for x := range w {
			d := float64(a[y*as+x]) - float64(b[y*bs+x])
			se += d * d
		}
	}
	if se == 0 {
		return math.Inf(1)
	}
	return 10 * math.Log10(255*255*float64(w*h)/se)
}

func encodeFrame(t testing.TB, f *Frame) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Encode(&buf, f); err != nil {
		t.Fatalf("Encode: %v", err)
	}
	return buf.Bytes()
}

func decode(t testing.TB, data []byte) image.Image {
	t.Helper()
	img, err := jpeg.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("image/jpeg cannot decode our output: %v", err)
	}
	return img
}

// segments lists the marker segments before SOS as marker → payloads.
func segments(t testing.TB, data []byte) map[byte][][]byte {
	t.Helper()
	out := map[byte][][]byte{}
	for i := 2; i+4 <= len(data); {
		if data[i] != 0xFF {
			t.Fatalf("no marker at offset %d", i)
		}
		m, n := data[i+1], int(data[i+2])<<8|int(data[i+3])
		out[m] = append(out[m], data[i+4:i+2+n])
		if m == markerSOS {
			break
		}
		i += 2 + n
	}
	return out
}

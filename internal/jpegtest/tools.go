package jpegtest

import (
	"bytes"
	"fmt"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/belgi-kz/belgi/internal/samples"
)

// Magick converts a PNG of the scene with ImageMagick's convert and the
// given options; nil means convert is missing.
func Magick(w, h int, args ...string) func(testing.TB) []byte {
	return func(t testing.TB) []byte {
		bin, err := exec.LookPath("convert")
		if err != nil {
			return nil
		}
		dir := t.TempDir()
		in, out := filepath.Join(dir, "in.png"), filepath.Join(dir, "out.jpg")
		if err := os.WriteFile(in, samples.PNG(samples.Scene(w, h, 8)), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := append(append([]string{in}, args...), out)
		if msg, err := exec.Command(bin, cmd...).CombinedOutput(); err != nil {
			t.Fatalf("convert: %v: %s", err, msg)
		}
		return readFile(t, out)
	}
}

// Cjpeg encodes the scene with libjpeg-turbo's cjpeg and the given
// options ("-scans" takes a script body, written to a file here); nil
// means cjpeg is missing.
func Cjpeg(w, h int, args ...string) func(testing.TB) []byte {
	return func(t testing.TB) []byte {
		bin, err := exec.LookPath("cjpeg")
		if err != nil {
			return nil
		}
		dir := t.TempDir()
		in := filepath.Join(dir, "in.ppm")
		if err := os.WriteFile(in, PPM(samples.Scene(w, h, 9)), 0o644); err != nil {
			t.Fatal(err)
		}
		args := append([]string{}, args...) // the fixture may run again
		for i, a := range args {
			if i > 0 && args[i-1] == "-scans" {
				args[i] = filepath.Join(dir, "scans.txt")
				if err := os.WriteFile(args[i], []byte(a), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
		out := filepath.Join(dir, "out.jpg")
		cmd := exec.Command(bin, append(append([]string{}, args...), "-outfile", out, in)...)
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("cjpeg %v: %v: %s", args, err, msg)
		}
		return readFile(t, out)
	}
}

func readFile(t testing.TB, name string) []byte {
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// PPM writes img as a binary PPM (P6), what cjpeg reads.
func PPM(img *image.RGBA) []byte {
	r := img.Rect
	var b bytes.Buffer
	fmt.Fprintf(&b, "P6\n%d %d\n255\n", r.Dx(), r.Dy())
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			c := img.RGBAAt(x, y)
			b.Write([]byte{c.R, c.G, c.B})
		}
	}
	return b.Bytes()
}

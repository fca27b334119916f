package jpegtest

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"os/exec"
	"testing"
)

// PNM is a picture as djpeg writes it: P5 (gray, 1 channel) or P6 (RGB).
type PNM struct {
	W, H, Ch int
	Pix      []byte
}

// Djpeg decodes data with libjpeg-turbo's djpeg with fancy upsampling
// off, so a chroma sample affects only the pixels it covers (with it on,
// a changed MCU's chroma bleeds one pixel into its neighbours). It fails
// the test if djpeg fails, or warns and strict is set; it returns nil
// when djpeg is not installed.
func Djpeg(t testing.TB, data []byte, strict bool) *PNM {
	t.Helper()
	bin, err := exec.LookPath("djpeg")
	if err != nil {
		return nil
	}
	cmd := exec.Command(bin, "-nosmooth", "-pnm")
	cmd.Stdin = bytes.NewReader(data)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	err = cmd.Run()
	var exit *exec.ExitError
	warned := stderr.Len() > 0 || errors.As(err, &exit) && exit.ExitCode() == 2 // djpeg's "warnings" status
	if err != nil && !warned || strict && warned {
		t.Fatalf("djpeg: %v: %s", err, stderr.String())
	}
	p, err := ParsePNM(out.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// ParsePNM reads a binary P5 or P6 file with 8-bit samples.
func ParsePNM(b []byte) (*PNM, error) {
	var magic string
	var w, h, maxv int
	n, err := fmt.Fscan(bytes.NewReader(b), &magic, &w, &h, &maxv)
	if err != nil || n != 4 || maxv != 255 {
		return nil, fmt.Errorf("not a PNM: %v", err)
	}
	ch := map[string]int{"P5": 1, "P6": 3}[magic]
	hdr := len(fmt.Sprintf("%s\n%d %d\n%d\n", magic, w, h, maxv))
	if ch == 0 || len(b) != hdr+w*h*ch {
		return nil, fmt.Errorf("unexpected PNM %s %d×%d, %d bytes", magic, w, h, len(b))
	}
	return &PNM{w, h, ch, b[hdr:]}, nil
}

// DiffOutside counts the pixels that differ between a and b outside r.
func DiffOutside(a, b *PNM, r image.Rectangle) int {
	n := 0
	for y := range a.H {
		for x := range a.W {
			if (image.Point{x, y}).In(r) {
				continue
			}
			o := (y*a.W + x) * a.Ch
			if !bytes.Equal(a.Pix[o:o+a.Ch], b.Pix[o:o+a.Ch]) {
				n++
			}
		}
	}
	return n
}

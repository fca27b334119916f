package jpegcoef

import (
	"bytes"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/belgi-kz/belgi/internal/jpegtest"
)

// seeds are the fixtures and the real-world corpus's JPEGs up to 300 KB
// (bigger ones only slow the fuzzer down).
func seeds(f *testing.F) {
	for _, fx := range append(append(append([]jpegtest.Fixture{}, jpegtest.Sequential...), jpegtest.Progressive...), jpegtest.Unsupported...) {
		if data := fx.Make(f); data != nil {
			f.Add(data)
		}
	}
	files, _ := filepath.Glob("../../../shared/realworld/*/*")
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err == nil && len(data) <= 300<<10 && bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}) {
			f.Add(data)
		}
	}
}

// djpegClean reports whether djpeg decodes data without a warning, and
// whether djpeg is there at all.
func djpegClean(data []byte) (clean, found bool) {
	bin, err := exec.LookPath("djpeg")
	if err != nil {
		return false, false
	}
	cmd := exec.Command(bin, "-nosmooth", "-outfile", os.DevNull)
	cmd.Stdin = bytes.NewReader(data)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	return cmd.Run() == nil && stderr.Len() == 0, true
}

// FuzzSplice feeds the splicer corpus-seeded JPEGs: it either refuses
// one, or writes an output that passes the read-back (Check: the first
// pass reads every bit it copies, so damage is refused there), on which
// Verify agrees with Check, and that djpeg decodes without a single
// warning.
func FuzzSplice(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Open(data)
		if err != nil {
			return
		}
		b := p.Bounds()
		if b.Dx()*b.Dy() > 4<<20 {
			return // the caller refuses such headers before decoding
		}
		r := labelRect(b)
		reg, err := p.Decode(r)
		if err != nil {
			return
		}
		stamp(reg, r)
		out, err := p.Encode(reg)
		if err != nil {
			return
		}
		out = withApps(p.f, out)
		if err := Check(out); err != nil {
			t.Fatalf("the output fails Check: %v", err)
		}
		if err := p.Verify(out); err != nil {
			t.Fatalf("the output passes Check but not Verify: %v", err)
		}
		if clean, found := djpegClean(out); found && !clean {
			t.Fatal("djpeg warns about the output")
		}
	})
}

// FuzzCheck: Check never panics, and what it accepts djpeg decodes
// without a warning.
func FuzzCheck(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		if Check(data) != nil {
			return
		}
		if clean, found := djpegClean(data); found && !clean {
			t.Fatal("Check accepts a file djpeg warns about")
		}
	})
}

// TestSeedsCheck runs the fuzz seeds' property once in every test run:
// the fixtures pass Check.
func TestSeedsCheck(t *testing.T) {
	for _, fx := range append(append([]jpegtest.Fixture{}, jpegtest.Sequential...), jpegtest.Progressive...) {
		if data := fx.Make(t); data != nil {
			if err := Check(data); err != nil {
				t.Errorf("%s: %v", fx.Name, err)
			}
		}
	}
	_ = image.Point{}
}

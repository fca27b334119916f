//go:build realworld

package image

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/internal/jpegcoef"
	"github.com/belgi-kz/belgi/internal/jpegtest"
	"github.com/belgi-kz/belgi/internal/meta"
	"github.com/belgi-kz/belgi/labeler"
)

// corpusJPEGs lists every file of the corpus that is a JPEG by its first
// bytes, whatever its folder or extension (MPO files are JPEGs too).
func corpusJPEGs(t testing.TB) []string {
	if _, err := os.Stat(corpus); err != nil {
		t.Skip("the real-world corpus (../shared/realworld) is not here")
	}
	var files []string
	err := filepath.WalkDir(corpus, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		head := make([]byte, 3)
		if f, err := os.Open(p); err == nil {
			f.Read(head)
			f.Close()
		}
		if bytes.Equal(head, []byte{0xFF, 0xD8, 0xFF}) {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	return files
}

// labelRegion is where the label's MCUs lie in a JPEG's stored pixels:
// the label's rectangle grown to whole MCUs.
func labelRegion(t testing.TB, data []byte, spec labeler.Spec) image.Rectangle {
	pic, err := jpegcoef.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	b, mcu := pic.Bounds(), pic.MCU()
	_, at, err := planLabel(spec, b.Dx(), b.Dy(), orientationOf(fmtJPEG, data))
	if err != nil {
		t.Fatal(err)
	}
	at.Min.X, at.Min.Y = at.Min.X/mcu.X*mcu.X, at.Min.Y/mcu.Y*mcu.Y
	at.Max.X = (at.Max.X + mcu.X - 1) / mcu.X * mcu.X
	at.Max.Y = (at.Max.Y + mcu.Y - 1) / mcu.Y * mcu.Y
	return at.Intersect(b)
}

// labelFile labels one file with spec into dir and returns the output.
func labelFile(t testing.TB, in, dir string, spec labeler.Spec) ([]byte, labeler.Outcome, error) {
	out := filepath.Join(dir, "out.jpg")
	o, err := New().Label(context.Background(), labeler.Job{Input: in, Output: out, Temp: out, Spec: spec, Progress: func(float64) {}})
	if err != nil {
		return nil, o, err
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return data, o, nil
}

// reencoded returns the note saying the coefficient path was not taken.
func reencoded(o labeler.Outcome) string {
	for _, n := range o.Notes {
		if strings.Contains(n, "re-encoded in full") {
			return n
		}
	}
	return ""
}

// TestRealWorldJPEGFidelity labels every JPEG of the real-world corpus
// and, decoding input and output with libjpeg-turbo's djpeg, checks that
// every pixel outside the label's MCUs is identical, that the output
// decodes without a warning, and that its size stays within 2 % plus
// the label's MCUs. Files that fall back to a full re-encode, and files
// refused, are listed with the reason; none is skipped.
func TestRealWorldJPEGFidelity(t *testing.T) {
	files := corpusJPEGs(t)
	spec := labeler.DefaultSpec()
	spec.C2PA.Off = true // signing is checked elsewhere; pixels here
	var kept, fellBack, refused []string
	for _, in := range files {
		name, _ := filepath.Rel(corpus, in)
		src, _ := os.ReadFile(in)
		if fixed, ok, _ := meta.ResolveDNL(src); ok {
			src = fixed // djpeg refuses a height given by DNL; the picture is the same
		}
		out, o, err := labelFile(t, in, t.TempDir(), spec)
		switch {
		case err != nil:
			refused = append(refused, fmt.Sprintf("%s: %v", name, err))
			continue
		case reencoded(o) != "":
			fellBack = append(fellBack, fmt.Sprintf("%s: %s", name, reencoded(o)))
			continue
		}
		a, b := jpegtest.Djpeg(t, src, false), jpegtest.Djpeg(t, out, true)
		if a == nil {
			t.Skip("djpeg not installed (Debian: libjpeg-turbo-progs)")
		}
		r := labelRegion(t, src, spec)
		if n := jpegtest.DiffOutside(a, b, r); n > 0 {
			t.Errorf("%s: %d pixels outside the label's MCUs %v differ", name, n, r)
		}
		if err := sizeWithin(src, out, r); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		kept = append(kept, name)
	}
	t.Logf("%d JPEGs: %d labeled in the coefficient domain, identical outside the label", len(files), len(kept))
	for _, s := range fellBack {
		t.Logf("re-encoded in full: %s", s)
	}
	for _, s := range refused {
		t.Logf("refused: %s", s)
	}
	if len(kept) == 0 {
		t.Error("no JPEG went through the coefficient path")
	}
}

// sizeWithin checks that the output's picture data outside the label's
// MCUs is within 2 % of the source's (sequential files: the MCUs' own
// bits, counted by decoding both; progressive files spread a block over
// all scans, so only their total is logged).
func sizeWithin(src, out []byte, r image.Rectangle) error {
	inA, allA, err := regionBits(src, r)
	if err != nil || inA == 0 {
		return err
	}
	inB, allB, err := regionBits(out, r)
	if err != nil {
		return err
	}
	a, b := float64(allA-inA), float64(allB-inB)
	if b < a*0.98-512 || b > a*1.02+512 {
		return fmt.Errorf("%.0f bytes of picture data outside the label, the source has %.0f", b/8, a/8)
	}
	return nil
}

// regionBits is jpegcoef's count of the bits inside r and in all.
func regionBits(data []byte, r image.Rectangle) (int, int, error) {
	pic, err := jpegcoef.Open(data)
	if err != nil {
		return 0, 0, err
	}
	if _, err := pic.Decode(r); err != nil {
		return 0, 0, err
	}
	in, all := pic.Bits()
	return in, all, nil
}

// TestRealWorldRelabel labels a labeled JPEG again, ten times over:
// every output shows exactly the first output's pixels outside the
// label's MCUs (djpeg), whatever path the file takes (spliced, restart
// intervals copied, Huffman tables extended, progressive rewritten,
// EXIF-rotated).
func TestRealWorldRelabel(t *testing.T) {
	if _, err := os.Stat(corpus); err != nil {
		t.Skip("the real-world corpus (../shared/realworld) is not here")
	}
	spec := labeler.DefaultSpec()
	spec.C2PA.Off = true
	for _, name := range []string{
		"images/md-extractor-images_Apple_iPhone_4.jpg",   // baseline 4:2:0
		"images/exif-samples_portrait_8.jpg",              // orientation 8
		"images/md-extractor-images_Sony_DSC-P12.jpg",     // progressive
		"images/exif-samples_BlueSquare.jpg",              // restart intervals
		"c2pa/c2pa-ts_trustnxt-icon-signed-timestamp.jpg", // tables extended
	} {
		t.Run(filepath.Base(name), func(t *testing.T) {
			dir := t.TempDir()
			in := filepath.Join(corpus, name)
			src, _ := os.ReadFile(in)
			r := labelRegion(t, src, spec)
			first, _, err := labelFile(t, in, dir, spec)
			if err != nil {
				t.Fatal(err)
			}
			want := jpegtest.Djpeg(t, first, true)
			if want == nil {
				t.Skip("djpeg not installed (Debian: libjpeg-turbo-progs)")
			}
			prev := first
			for i := 2; i <= 10; i++ {
				p := filepath.Join(dir, fmt.Sprintf("in%d.jpg", i))
				if err := os.WriteFile(p, prev, 0o644); err != nil {
					t.Fatal(err)
				}
				if prev, _, err = labelFile(t, p, dir, spec); err != nil {
					t.Fatalf("labeling %d times: %v", i, err)
				}
				if n := jpegtest.DiffOutside(want, jpegtest.Djpeg(t, prev, true), r); n > 0 {
					t.Fatalf("after %d labels, %d pixels outside %v differ from the first output", i, n, r)
				}
			}
		})
	}
}

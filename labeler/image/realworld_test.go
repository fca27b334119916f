//go:build realworld

package image

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/internal/meta"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/provenance/c2pa"
	"github.com/belgi-kz/belgi/labeler/render"
)

// corpus is the real-world collection beside the repository (CI lays a
// copy of shared/ next to its clone).
const corpus = "../../../shared/realworld"

// TestRealWorldPictures labels every picture of the corpus, as a person
// would, and checks each labeled output with readers nobody here wrote:
// every embedded picture shows the label, and exiftool finds the
// source's metadata again, except what Belgi means to change.
func TestRealWorldPictures(t *testing.T) {
	if _, err := os.Stat(corpus); err != nil {
		t.Skip("../shared/realworld is absent: real-world picture checks skipped")
	}
	if testing.Short() {
		t.Skip("-short: real-world picture checks skipped")
	}
	t.Setenv("XDG_CONFIG_HOME", t.TempDir()) // the development C2PA identity
	reg := labeler.NewRegistry(New()).WithFinisher(c2pa.NewFinisher())
	spec := labeler.DefaultSpec()
	spec.Out.Dir = t.TempDir()
	for _, dir := range []string{"images", "c2pa", "broken"} {
		files, _ := filepath.Glob(filepath.Join(corpus, dir, "*"))
		for _, path := range files {
			if k, err := reg.Detect(path); err != nil || k.Name() != "image" {
				continue
			}
			t.Run(dir+"/"+filepath.Base(path), func(t *testing.T) {
				res := reg.Process(context.Background(), spec, labeler.Input{Path: path}, nil)
				if res.Status != labeler.StatusOK {
					t.Logf("refused: %v", res.Err)
					return
				}
				checkRealOutput(t, path, res.Output)
			})
		}
	}
}

func checkRealOutput(t *testing.T, in, out string) {
	src, err := load(in, 0)
	if err == nil && src.img == nil && src.format == fmtJPEG {
		src.img, err = decode(fmtJPEG, src.data) // load leaves JPEGs to the coefficient path
	}
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := sniffFormat(data)
	if f == fmtGIF {
		return // GIF carries no previews
	}
	labeled, err := decode(f, data)
	if err != nil {
		t.Fatal(err)
	}
	noPictureInC2PA(t, data)
	t.Logf("embedded pictures: %v", checkPreviews(t, checkViews(t, src.data, data), labeled, src.img))
	if _, err := exec.LookPath("exiftool"); err == nil {
		if lost := lostTags(t, in, out); len(lost) > 0 {
			t.Errorf("exiftool no longer finds %d of the source's tags: %s", len(lost), strings.Join(lost, "; "))
		}
	}
}

// keptGroups are the exiftool groups whose every tag must survive with
// its value: descriptive metadata, not the container's own bookkeeping.
var keptGroups = []string{"IFD0", "ExifIFD", "GPS", "IPTC", "ICC_Profile", "ICC-header", "XMP-dc",
	"XMP-photoshop", "XMP-xmpRights", "XMP-Iptc4xmpCore", "XMP-exif", "XMP-aux", "XMP-xmpMM"}

// intended are the tags Belgi changes on purpose.
var intended = map[string]bool{
	"IFD0:Orientation":       true, // HEIF: the pixels are turned upright
	"ExifIFD:ExifImageWidth": true, "ExifIFD:ExifImageHeight": true,
	"IFD0:ImageWidth": true, "IFD0:ImageHeight": true, "IFD0:Compression": true,
	"IFD0:BitsPerSample": true, "IFD0:PhotometricInterpretation": true, "IFD0:StripOffsets": true,
	"IFD0:StripByteCounts": true, "IFD0:RowsPerStrip": true, "IFD0:SamplesPerPixel": true,
	"IFD0:PlanarConfiguration": true, "IFD0:Predictor": true, "IFD0:ExtraSamples": true,
	"IFD0:SubfileType": true, "IFD0:YCbCrSubSampling": true, "IFD0:YCbCrPositioning": true,
	"XMP-xmpMM:DocumentID": true, "XMP-xmpMM:InstanceID": true, "XMP-photoshop:DocumentAncestors": true,
	"XMP-xmpMM:History": true,
	// TIFF layout of the re-encoded strips, and the page of a multi-page
	// source (the output is its first page).
	"IFD0:FillOrder": true, "IFD0:SampleFormat": true, "IFD0:T4Options": true, "IFD0:T6Options": true,
	"IFD0:PageNumber": true,
	// A JPEG-compressed TIFF is written as one JPEG strip: exiftool calls
	// it PreviewImage, and the tiles, shared tables, old-style stream
	// pointer and CMYK ink set of the source no longer apply.
	"IFD0:PreviewImage": true, "IFD0:PreviewImageLength": true, "IFD0:JPEGTables": true, "IFD0:OtherImageStart": true,
	"IFD0:TileWidth": true, "IFD0:TileLength": true, "IFD0:TileOffsets": true, "IFD0:TileByteCounts": true, "IFD0:InkSet": true,
}

// lostTags lists the kept-group tags of in that out lacks or changed.
func lostTags(t *testing.T, in, out string) []string {
	a, b := exiftoolTags(t, in), exiftoolTags(t, out)
	var lost []string
	for k, v := range a {
		g, _, _ := strings.Cut(k, ":")
		if !slices.Contains(keptGroups, g) || intended[k] || strings.HasPrefix(k, "XMP-xmpMM:History") {
			continue
		}
		if w, ok := b[k]; !ok || fmt.Sprint(w) != fmt.Sprint(v) {
			lost = append(lost, fmt.Sprintf("%s=%.40v (now %.40v)", k, v, w))
		}
	}
	slices.Sort(lost)
	return lost
}

func exiftoolTags(t *testing.T, path string) map[string]any {
	raw, err := exec.Command("exiftool", "-j", "-a", "-G1", "-s", "-n", path).Output()
	if err != nil {
		t.Fatalf("exiftool %s: %v", path, err)
	}
	var got []map[string]any
	if err := json.Unmarshal(raw, &got); err != nil || len(got) != 1 {
		t.Fatalf("exiftool output: %v", err)
	}
	return got[0]
}

// noPictureInC2PA: the Content Credentials a labeled JPEG carries hold
// no picture. A source's manifests come along as the parent ingredient,
// and their thumbnails of the unlabeled picture must have been redacted.
func noPictureInC2PA(t *testing.T, data []byte) {
	t.Helper()
	f, err := meta.WalkJPEG(data)
	if err != nil {
		return
	}
	for _, m := range f.Marks {
		if m.Marker == 0xEB && len(embeddedPictures(data[m.Off:m.End])) > 0 {
			t.Errorf("a C2PA segment at %d holds a picture (an unredacted thumbnail of the unlabeled source)", m.Off)
		}
	}
}

// checkViews holds each further image of a multi-picture output (MPO
// views, MPF previews) to the source's image at the same place in the
// index: inside the label's box it differs, elsewhere it matches. It
// returns out with those images blanked, for the preview check, which
// compares pictures with the primary.
func checkViews(t *testing.T, in, out []byte) []byte {
	a, ok1, _ := meta.SplitMPF(in)
	b, ok2, _ := meta.SplitMPF(out)
	if !ok2 {
		return out
	}
	if !ok1 || len(a.Parts) != len(b.Parts) {
		t.Errorf("output has %d MPF images, the source %d", len(b.Parts), len(a.Parts))
		return out
	}
	blanked := bytes.Clone(out)
	for i := range b.Parts {
		was, err1 := decode(fmtJPEG, a.Parts[i])
		now, err2 := decode(fmtJPEG, b.Parts[i])
		if err1 != nil || err2 != nil {
			t.Errorf("MPF image %d: %v %v", i+2, err1, err2)
			continue
		}
		checkLabeledLike(t, fmt.Sprintf("MPF image %d", i+2), was, now)
		at := len(out) - len(b.Parts[i])
		for j := i + 1; j < len(b.Parts); j++ {
			at -= len(b.Parts[j])
		}
		clear(blanked[at : at+len(b.Parts[i])])
	}
	return blanked
}

// checkLabeledLike: now is was with the label drawn where the default
// layout puts it.
func checkLabeledLike(t *testing.T, what string, was, now image.Image) {
	r := was.Bounds()
	l, err := render.Plan(labeler.DefaultSpec(), r.Dx(), r.Dy())
	if err != nil {
		t.Fatal(err)
	}
	type sub interface {
		SubImage(image.Rectangle) image.Image
	}
	box := l.Rect.Add(r.Min)
	above := image.Rect(r.Min.X, r.Min.Y, r.Max.X, box.Min.Y)
	if d := meanDiff(was.(sub).SubImage(box), now.(sub).SubImage(box)); d < 10 {
		t.Errorf("%s: the label's box differs from the source by %.1f only", what, d)
	}
	if d := meanDiff(was.(sub).SubImage(above), now.(sub).SubImage(above)); !above.Empty() && d > 6 {
		t.Errorf("%s: above the label it differs from the source by %.1f", what, d)
	}
}

// TestRealWorldInspectFromHeader: Inspect, which reads a JPEG's header
// only, reports of every corpus picture what the whole file gives.
func TestRealWorldInspectFromHeader(t *testing.T) {
	if _, err := os.Stat(corpus); err != nil {
		t.Skip("../shared/realworld is absent: real-world picture checks skipped")
	}
	for _, dir := range []string{"images", "c2pa", "broken"} {
		files, _ := filepath.Glob(filepath.Join(corpus, dir, "*"))
		for _, path := range files {
			whole, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := sniffFormat(whole); !ok {
				continue
			}
			want, werr := report(whole)
			got, gerr := New().Inspect(context.Background(), path)
			if fmt.Sprint(werr) != fmt.Sprint(gerr) || fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", want) {
				t.Errorf("%s/%s: from the header %+v (%v)\nfrom the whole file %+v (%v)", dir, filepath.Base(path), got, gerr, want, werr)
			}
		}
	}
}

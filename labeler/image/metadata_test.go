package image

import (
	"encoding/json"
	"os"
	"os/exec"
	"testing"

	"github.com/belgi-kz/belgi/internal/samples"
	"github.com/belgi-kz/belgi/labeler"
)

// TestMetadataKeptPerExiftool writes EXIF, IPTC, XMP and an ICC profile
// into sources with exiftool, labels them, and has exiftool confirm that
// everything is still there beside the new DigitalSourceType.
func TestMetadataKeptPerExiftool(t *testing.T) {
	if _, err := exec.LookPath("exiftool"); err != nil {
		t.Skip("exiftool not installed")
	}
	icc := samples.ICC("Belgi Test Wide Gamut")
	img := scene(240, 160)
	sources := map[string][]byte{
		"rich.jpg": samples.InsertAfterSOI(samples.JPEG(img, 90, 1), samples.ICCSegments(icc)...),
		"rich.png": samples.PNG(img),
	}
	for name, data := range sources {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			in := dir + "/" + name
			os.WriteFile(in, data, 0o644)
			os.WriteFile(dir+"/p.icc", icc, 0o644)
			args := []string{"-q", "-overwrite_original", "-Make=BelgiCam", "-XMP-dc:Creator=Aigerim", "-XMP-photoshop:Headline=Steppe"}
			if name == "rich.jpg" {
				args = append(args, "-IPTC:Caption-Abstract=Dusk over the lake")
			} else {
				args = append(args, "-ICC_Profile<="+dir+"/p.icc")
			}
			if out, err := exec.Command("exiftool", append(args, in)...).CombinedOutput(); err != nil {
				t.Fatalf("exiftool write: %v %s", err, out)
			}
			src, _ := os.ReadFile(in)
			out := labelBytes(t, name, src, labeler.DefaultSpec())
			got := exifRead(t, out)
			want := map[string]string{
				"Make": "BelgiCam", "Creator": "Aigerim", "Headline": "Steppe",
				"ProfileDescription": "Belgi Test Wide Gamut", "DigitalSourceType": labeler.DSTTrained,
			}
			if name == "rich.jpg" {
				want["Caption-Abstract"] = "Dusk over the lake"
			}
			for k, v := range want {
				if got[k] != v {
					t.Errorf("%s = %v, want %q", k, got[k], v)
				}
			}
		})
	}
}

func exifRead(t *testing.T, path string) map[string]any {
	t.Helper()
	out, err := exec.Command("exiftool", "-j", "-Make", "-XMP-dc:Creator", "-XMP-photoshop:Headline",
		"-ICC_Profile:ProfileDescription", "-XMP-iptcExt:DigitalSourceType", "-IPTC:Caption-Abstract", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	var recs []map[string]any
	if err := json.Unmarshal(out, &recs); err != nil || len(recs) != 1 {
		t.Fatalf("exiftool output %s: %v", out, err)
	}
	return recs[0]
}

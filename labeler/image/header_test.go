package image

import (
	"context"
	"os"
	"reflect"
	"testing"

	"github.com/belgi-kz/belgi/internal/samples"
	"github.com/belgi-kz/belgi/labeler"
)

// TestInspectReadsTheHeaderOnly: Inspect reads a JPEG's header segments,
// not its scan, and reports of a labeled photo exactly what the whole
// file would give: size, orientation, Belgi's marks.
func TestInspectReadsTheHeaderOnly(t *testing.T) {
	photo := samples.InsertAfterSOI(samples.JPEG(scene(1600, 1200), 95, 1), cameraEXIF(samples.JPEG(small(scene(1600, 1200)), 80, 1)))
	out := labelBytes(t, "photo.jpg", photo, labeler.DefaultSpec())
	whole, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	head, err := inspected(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(head) >= len(whole)/2 || string(head) != string(whole[:len(head)]) {
		t.Fatalf("Inspect read %d bytes of a %d-byte JPEG; want its header, a short prefix", len(head), len(whole))
	}
	got, err := New().Inspect(context.Background(), out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := report(whole)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Labeled || !reflect.DeepEqual(got, want) {
		t.Errorf("from the header: %+v\nfrom the whole file: %+v", got, want)
	}
}

// TestInspectReadsOtherFilesWhole: a JPEG whose header never reaches a
// scan (cut short) and pictures of other formats are read whole.
func TestInspectReadsOtherFilesWhole(t *testing.T) {
	photo := samples.JPEG(scene(400, 300), 90, 1)
	for name, data := range map[string][]byte{
		"cut.jpg": photo[:100], // inside the tables, before SOS
		"pic.png": samples.PNG(scene(400, 300)),
	} {
		path := t.TempDir() + "/" + name
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := inspected(path)
		if err != nil || string(got) != string(data) {
			t.Errorf("%s: read %d of %d bytes (%v)", name, len(got), len(data), err)
		}
	}
}

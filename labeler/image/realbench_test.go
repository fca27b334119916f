package image

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/labeler"
)

// BenchmarkLabelRealPhotos labels the real-world corpus's camera JPEGs
// listed in $BELGI_PHOTOS (one path a line), end to end.
func BenchmarkLabelRealPhotos(b *testing.B) {
	list, err := os.ReadFile(os.Getenv("BELGI_PHOTOS"))
	if err != nil {
		b.Skip("set BELGI_PHOTOS to a file listing photos")
	}
	spec := labeler.DefaultSpec()
	k := New()
	dir := b.TempDir()
	for b.Loop() {
		for _, in := range strings.Fields(string(list)) {
			tmp := filepath.Join(dir, "out.jpg")
			if _, err := k.Label(context.Background(), labeler.Job{Input: in, Temp: tmp, Output: tmp, Spec: spec, Progress: func(float64) {}}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

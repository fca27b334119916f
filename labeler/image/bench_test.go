package image

import (
	"context"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/belgi-kz/belgi/internal/samples"
	"github.com/belgi-kz/belgi/labeler"
)

// BenchmarkLabel24MP labels one 24-megapixel JPEG end to end (decode,
// label, encode with the source's tables, splice metadata, read back),
// reporting megapixels per second and the peak heap.
func BenchmarkLabel24MP(b *testing.B) {
	in := samples.WritePhoto24MP(b)
	spec := labeler.DefaultSpec()
	k := New()
	var peak uint64
	for b.Loop() {
		tmp := filepath.Join(b.TempDir(), "out.jpg")
		if _, err := k.Label(context.Background(), labeler.Job{Input: in, Temp: tmp, Spec: spec, Progress: func(float64) {}}); err != nil {
			b.Fatal(err)
		}
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		peak = max(peak, ms.HeapInuse)
	}
	b.ReportMetric(24*float64(b.N)/b.Elapsed().Seconds(), "MP/s")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
}

// BenchmarkFirstPreview24MP: opening a 24 MP photo in the app until its
// first labeled preview exists.
func BenchmarkFirstPreview24MP(b *testing.B) {
	in := samples.WritePhoto24MP(b)
	spec := labeler.DefaultSpec()
	for b.Loop() {
		p, err := LoadPreview(in, 1024, 200)
		if err != nil {
			b.Fatal(err)
		}
		if _, _, err := p.Render(spec); err != nil {
			b.Fatal(err)
		}
	}
}

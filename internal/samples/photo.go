package samples

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// photo24 is the benchmarks' 24-megapixel photo: drawing it takes seconds,
// so each test binary draws it once and every benchmark shares the bytes
// (never modified after the first call).
var photo24 = sync.OnceValue(func() []byte { return JPEG(Scene(6000, 4000, 3), 90, 1) })

// Photo24MP returns a 6000×4000 JPEG (4:2:0, quality 90), the size of a
// typical full-frame camera photo.
func Photo24MP() []byte { return photo24() }

// WritePhoto24MP writes Photo24MP into a temporary folder of tb and
// returns its path.
func WritePhoto24MP(tb testing.TB) string {
	tb.Helper()
	p := filepath.Join(tb.TempDir(), "photo.jpg")
	if err := os.WriteFile(p, Photo24MP(), 0o644); err != nil {
		tb.Fatal(err)
	}
	return p
}

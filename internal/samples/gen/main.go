// Command gen writes a few sample photos for the app's smoke test and
// screenshot: `go run ./internal/samples/gen DIR`. The pictures are the
// procedural scenes of package samples, so they are ours to ship.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/belgi-kz/belgi/internal/samples"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: gen DIR")
		os.Exit(2)
	}
	dir := os.Args[1]
	files := map[string][]byte{
		"lake-at-dusk.jpg":   samples.JPEG(samples.Scene(4000, 2667, 1), 88, 1),
		"ridge-portrait.jpg": samples.JPEG(samples.Scene(1800, 2400, 7), 90, 1),
		"valley.png":         samples.PNG(samples.Scene(1600, 900, 4)),
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
	}
}

package labeler_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync/atomic"

	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/kinds"
)

// A program labels files with a Batch over the registry of every kind.
// Each input gets a Result; a file that fails says why as a FileError,
// and the rest of the batch goes on.
func ExampleBatch() {
	dir, _ := os.MkdirTemp("", "belgi-example")
	defer os.RemoveAll(dir)
	os.WriteFile(filepath.Join(dir, "story.txt"), []byte("Алматыда жаңбыр жауды.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "broken.txt"), []byte("\x00\x01\x02 binary"), 0o644)

	reg := kinds.Default()
	spec := labeler.DefaultSpec() // Kazakh and Russian, "generated with AI"
	inputs, _ := reg.Expand([]string{dir}, spec.Out)
	var finished atomic.Int32
	batch := labeler.Batch{Registry: reg, Spec: spec, OnEvent: func(ev labeler.Event) {
		if ev.Result != nil {
			finished.Add(1) // called from the workers: keep it quick
		}
	}}
	for _, r := range batch.Run(context.Background(), inputs) {
		var fe *labeler.FileError
		if errors.As(r.Err, &fe) {
			fmt.Printf("%s failed at %s: %v\n", fe.Name, fe.Stage, fe.Err)
			continue
		}
		rel, _ := filepath.Rel(dir, r.Output)
		fmt.Printf("%s: %s -> %s %v\n", filepath.Base(r.Input), r.Status, rel, r.Layers)
	}
	fmt.Println("finished:", finished.Load())
	// Output:
	// broken.txt failed at decode: text: this is binary data, not text (is the extension wrong?)
	// story.txt: ok -> labeled/story.txt [notice xmp]
	// finished: 2
}

// The registry picks a file's kind by its first bytes, then by its
// extension, and reads back the marks a file carries.
func ExampleRegistry() {
	dir, _ := os.MkdirTemp("", "belgi-example")
	defer os.RemoveAll(dir)
	files := []struct{ name, content string }{
		{"subs.vtt", "WEBVTT\n\n00:01.000 --> 00:02.000\nСәлем!\n"},
		{"caption.jpg", "<!DOCTYPE html><p>not a photo at all</p>"},
		{"notes.txt", "Сәлем!\n"},
		{"data.bin", "\x00\x01\x02"},
	}
	reg := kinds.Default()
	for _, f := range files {
		path := filepath.Join(dir, f.name)
		os.WriteFile(path, []byte(f.content), 0o644)
		k, err := reg.Detect(path)
		if err != nil {
			fmt.Println(err)
			continue
		}
		rep, _ := reg.Check(context.Background(), labeler.DefaultSpec(), path)
		fmt.Printf("%s: %s, labeled: %v\n", f.name, k.Name(), rep.Labeled)
	}
	// Output:
	// subs.vtt: text, labeled: false
	// caption.jpg: text, labeled: false
	// notes.txt: text, labeled: false
	// data.bin: decode: unsupported file: content looks like application/octet-stream
}

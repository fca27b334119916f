// Command gen rebuilds the stock spoken notices in assets/notices with
// espeak-ng, from the wording in package labeler, so the clips always say
// what the visible labels say. Run it with `go generate ./assets` after
// changing the wording; users never need a speech synthesizer, because
// the clips are committed and embedded.
package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/labeler"
)

// wpm is a little slower than espeak-ng's default 175 words per minute:
// a legal notice must be understood on the first hearing.
const wpm = 150

func main() {
	dir := "notices"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	if err := generate(context.Background(), dir); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func generate(ctx context.Context, dir string) error {
	for _, l := range []labeler.Lang{labeler.Kazakh, labeler.Russian, labeler.English} {
		lines := map[string]string{
			"generated": labeler.PresetNotice(l, labeler.Generated),
			"modified":  labeler.PresetNotice(l, labeler.Modified),
			"person":    labeler.PresetPerson(l),
		}
		for name, text := range lines {
			clip, err := ffmpeg.Speak(ctx, string(l), wpm, text)
			if err != nil {
				return fmt.Errorf("%s %s: %w", l, name, err)
			}
			path := filepath.Join(dir, string(l)+"-"+name+".wav")
			if err := os.WriteFile(path, clip, 0o644); err != nil {
				return err
			}
			fmt.Printf("%s  %q\n", path, text)
		}
	}
	return nil
}

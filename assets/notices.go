package assets

import (
	"embed"
	"fmt"
)

// Stock spoken notices: espeak-ng 1.51 reading Belgi's preset wording, as
// 22,050 Hz mono 16-bit WAV (see notices/README.md for how they are made
// and their licence). Rebuild them after changing the wording with:
//
//go:generate go run ./notices/gen notices
//go:embed notices/*.wav
var notices embed.FS

// NoticeClip returns the stock clip for a language ("kk", "ru", "en") and
// a line: "generated", "modified" or "person".
func NoticeClip(lang, line string) ([]byte, error) {
	b, err := notices.ReadFile("notices/" + lang + "-" + line + ".wav")
	if err != nil {
		return nil, fmt.Errorf("assets: no stock notice %q for language %q", line, lang)
	}
	return b, nil
}

package render

import (
	"sync"

	"github.com/belgi-kz/belgi/assets"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// fonts parses the embedded Noto Sans once and hands out faces by pixel
// size. Faces are not safe for concurrent use, so each call makes its own.
type fonts struct {
	once     sync.Once
	bold     *opentype.Font
	capRatio float64 // cap height / em
	err      error
}

var noto fonts

func (f *fonts) load() error {
	f.once.Do(func() {
		f.bold, f.err = opentype.Parse(assets.NotoSansBold)
		if f.err != nil {
			return
		}
		var buf sfnt.Buffer
		m, err := f.bold.Metrics(&buf, fixed.I(1000), font.HintingNone)
		if err != nil || m.CapHeight <= 0 {
			f.capRatio = 0.714 // Noto Sans' design value
			return
		}
		f.capRatio = float64(m.CapHeight) / 64 / 1000
	})
	return f.err
}

// face returns a bold face whose capital letters are capPx pixels tall.
func (f *fonts) face(capPx float64) (font.Face, error) {
	if err := f.load(); err != nil {
		return nil, err
	}
	return opentype.NewFace(f.bold, &opentype.FaceOptions{
		Size: capPx / f.capRatio, DPI: 72, Hinting: font.HintingNone,
	})
}

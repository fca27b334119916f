package meta

import (
	"image"
	"strings"
	"testing"
)

// The text lands once, before IDAT, replacing an older one of the same
// keyword, and the file still parses.
func TestSetPNGText(t *testing.T) {
	src := encodePNG(t, image.NewRGBA(image.Rect(0, 0, 4, 3)))
	old := withChunks(t, src, []PNGChunk{{Type: "tEXt", Data: []byte("AIGC\x00{\"old\":1}")}}, nil)
	out, err := SetPNGText(old, "AIGC", `{"Label":"1"}`)
	if err != nil {
		t.Fatal(err)
	}
	info, err := ParsePNG(out)
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, tx := range info.Text {
		texts = append(texts, tx.Keyword+"="+tx.Text)
	}
	if strings.Join(texts, ";") != `AIGC={"Label":"1"}` {
		t.Errorf("texts %q", texts)
	}
	if _, err := SetPNGText(src, "AIGC", "Қ"); err == nil {
		t.Error("non-ASCII tEXt accepted")
	}
}

// FuzzSetPNGText: any input either is refused or gives a PNG that parses
// and states the text once.
func FuzzSetPNGText(f *testing.F) {
	src := encodePNG(f, image.NewRGBA(image.Rect(0, 0, 2, 2)))
	f.Add(src, "AIGC", `{"Label":"1"}`)
	f.Add(withChunks(f, src, []PNGChunk{{Type: "tEXt", Data: []byte("AIGC\x00x")}}, nil), "AIGC", "y")
	f.Fuzz(func(t *testing.T, png []byte, key, text string) {
		out, err := SetPNGText(png, key, text)
		if err != nil {
			return
		}
		info, err := ParsePNG(out)
		if err != nil {
			t.Fatalf("output does not parse: %v", err)
		}
		n := 0
		for _, tx := range info.Text {
			if tx.Keyword == key {
				n++
			}
		}
		if n != 1 {
			t.Fatalf("%d texts keyed %q", n, key)
		}
	})
}

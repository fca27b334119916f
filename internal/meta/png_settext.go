package meta

import (
	"bytes"
	"fmt"
)

// SetPNGText returns png with one tEXt chunk keyword=text placed before
// the image data, replacing any text chunk (tEXt, zTXt, iTXt) of that
// keyword, so the file states it once. tEXt is Latin-1: text must be
// ASCII (escape anything else before). China's TC260 practice guide puts
// the AIGC implicit label in a tEXt chunk keyed "AIGC".
func SetPNGText(png []byte, keyword, text string) ([]byte, error) {
	for _, s := range []string{keyword, text} {
		for i := 0; i < len(s); i++ {
			if s[i] >= 0x80 || s[i] == 0 {
				return nil, fmt.Errorf("meta: png: tEXt %s: not printable ASCII", keyword)
			}
		}
	}
	if len(keyword) == 0 || len(keyword) > 79 {
		return nil, fmt.Errorf("meta: png: tEXt keyword %q: 1 to 79 characters", keyword)
	}
	chunks, err := readPNGChunks(png)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.Write(pngSig)
	placed := false
	for _, c := range chunks {
		if isText(c) && textKeyword(c) == keyword {
			continue
		}
		if c.Type == "IDAT" && !placed {
			writeChunk(&b, PNGChunk{Type: "tEXt", Data: append([]byte(keyword+"\x00"), text...)})
			placed = true
		}
		writeChunk(&b, c)
	}
	return b.Bytes(), nil
}

package image

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/gif"
	"sort"

	"github.com/belgi-kz/belgi/internal/meta"
	"github.com/belgi-kz/belgi/labeler"
)

// labelGIF labels every frame of a GIF. Frames are composed onto the
// full canvas first (applying each frame's disposal), so the label shows
// on every frame whatever the source's frame optimisation was; timing and
// looping are kept.
func labelGIF(src *source, spec labeler.Spec, xmp packetFn) ([]byte, []string, float64, error) {
	g, err := gif.DecodeAll(bytes.NewReader(src.data))
	if err != nil {
		return nil, nil, 0, fmt.Errorf("decode gif: %w", err)
	}
	screen := image.Rect(0, 0, g.Config.Width, g.Config.Height)
	out := &gif.GIF{LoopCount: g.LoopCount, Config: image.Config{Width: screen.Dx(), Height: screen.Dy()}}
	canvas := image.NewNRGBA(screen)
	var notes []string
	area := 0.0
	for i, frame := range g.Image {
		before := image.NewNRGBA(screen)
		copy(before.Pix, canvas.Pix)
		draw.Draw(canvas, frame.Bounds(), frame, frame.Bounds().Min, draw.Over)
		shown := image.NewNRGBA(screen)
		copy(shown.Pix, canvas.Pix)
		labeled, l, region, err := labelPicture(shown, spec, 1)
		if err != nil {
			return nil, nil, 0, err
		}
		if i == 0 {
			notes, area, src.region = l.Notes(), l.Area(), region
		}
		out.Image = append(out.Image, quantize(labeled.(*image.NRGBA)))
		out.Delay = append(out.Delay, g.Delay[i])
		out.Disposal = append(out.Disposal, gif.DisposalNone)
		dispose(canvas, before, frame.Bounds(), disposalOf(g, i))
	}
	var enc bytes.Buffer
	if err := gif.EncodeAll(&enc, out); err != nil {
		return nil, nil, 0, fmt.Errorf("encode gif: %w", err)
	}
	old, _ := meta.ReadGIFXMP(src.data)
	packet, err := xmp(old)
	if err != nil {
		return nil, nil, 0, err
	}
	var buf bytes.Buffer
	if err := meta.SpliceGIF(&buf, enc.Bytes(), packet); err != nil {
		return nil, nil, 0, err
	}
	if len(g.Image) > 1 {
		notes = append(notes, fmt.Sprintf("all %d frames labeled", len(g.Image)))
	}
	return buf.Bytes(), notes, area, nil
}

func disposalOf(g *gif.GIF, i int) byte {
	if i < len(g.Disposal) {
		return g.Disposal[i]
	}
	return gif.DisposalNone
}

// dispose applies a frame's disposal method to the canvas.
func dispose(canvas, before *image.NRGBA, r image.Rectangle, method byte) {
	switch method {
	case gif.DisposalBackground:
		draw.Draw(canvas, r, image.Transparent, image.Point{}, draw.Src)
	case gif.DisposalPrevious:
		copy(canvas.Pix, before.Pix)
	}
}

// quantize maps a composed frame to at most 256 colours: exactly when it
// has that few (most GIF frames, label included), otherwise the most used
// colours. Fully transparent pixels share one transparent entry.
func quantize(img *image.NRGBA) *image.Paletted {
	counts := map[color.NRGBA]int{}
	for i := 0; i < len(img.Pix); i += 4 {
		counts[key(img.Pix[i:i+4])]++
	}
	colors := make([]color.NRGBA, 0, len(counts))
	for c := range counts {
		colors = append(colors, c)
	}
	sort.Slice(colors, func(i, j int) bool {
		if counts[colors[i]] != counts[colors[j]] {
			return counts[colors[i]] > counts[colors[j]]
		}
		return less(colors[i], colors[j])
	})
	if len(colors) > 256 {
		colors = colors[:256]
	}
	pal := make(color.Palette, len(colors))
	for i, c := range colors {
		pal[i] = c
	}
	out := image.NewPaletted(img.Rect, pal)
	index := map[color.NRGBA]uint8{}
	for i, c := range colors {
		index[c] = uint8(i)
	}
	for i, j := 0, 0; i < len(img.Pix); i, j = i+4, j+1 {
		c := key(img.Pix[i : i+4])
		idx, ok := index[c]
		if !ok {
			idx = uint8(pal.Index(c))
			index[c] = idx
		}
		out.Pix[j] = idx
	}
	return out
}

// key is the palette colour for an NRGBA pixel: GIF has no partial
// transparency, so alpha is either fully on or off.
func key(p []byte) color.NRGBA {
	if p[3] < 128 {
		return color.NRGBA{}
	}
	return color.NRGBA{p[0], p[1], p[2], 255}
}

func less(a, b color.NRGBA) bool {
	return uint32(a.R)<<24|uint32(a.G)<<16|uint32(a.B)<<8|uint32(a.A) <
		uint32(b.R)<<24|uint32(b.G)<<16|uint32(b.B)<<8|uint32(b.A)
}

// countGIFFrames walks a GIF's blocks without decoding pixels, so an
// animation bomb (thousands of full-screen frames) is refused up front.
func countGIFFrames(data []byte) int {
	if len(data) < 13 {
		return 1
	}
	p := 13
	if data[10]&0x80 != 0 {
		p += 3 << (data[10]&7 + 1)
	}
	n := 0
	for p < len(data) {
		switch data[p] {
		case 0x2C: // image descriptor
			n++
			if p+10 > len(data) {
				return max(n, 1)
			}
			flags := data[p+9]
			p += 10
			if flags&0x80 != 0 {
				p += 3 << (flags&7 + 1)
			}
			p = skipSubBlocks(data, p+1) // LZW minimum code size, then data
		case 0x21: // extension
			p = skipSubBlocks(data, p+2)
		default: // trailer or garbage
			return max(n, 1)
		}
	}
	return max(n, 1)
}

func skipSubBlocks(data []byte, p int) int {
	for p < len(data) && data[p] != 0 {
		p += int(data[p]) + 1
	}
	return p + 1
}

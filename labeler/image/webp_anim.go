package image

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"

	"github.com/belgi-kz/belgi/internal/meta"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/gen2brain/webp"
)

// labelWebPAnimation labels every frame of an animated WebP, as
// labelGIF does for GIF: libwebp composes each frame onto the full
// canvas (so the label shows whatever the source's frame optimisation
// was), the label is drawn, and each frame is written as the part of the
// canvas that changed since the previous labeled frame, replacing it.
// Timing, loop count and background are kept; each frame is coded like
// its source frame (VP8L lossless or VP8 lossy).
func labelWebPAnimation(src *source, spec labeler.Spec, xmp packetFn) ([]byte, []string, float64, error) {
	info, err := meta.ParseWebP(src.data)
	if err != nil {
		return nil, nil, 0, err
	}
	frames, err := info.Frames()
	if err != nil {
		return nil, nil, 0, err
	}
	all, err := webp.DecodeAll(bytes.NewReader(src.data))
	if err != nil {
		return nil, nil, 0, fmt.Errorf("decode webp animation: %w", err)
	}
	if len(all.Image) != len(frames) || len(frames) == 0 {
		return nil, nil, 0, fmt.Errorf("decode webp animation: %d frames decoded of %d", len(all.Image), len(frames))
	}
	out, notes, area, err := labelFrames(all.Image, frames, spec, src)
	if err != nil {
		return nil, nil, 0, err
	}
	data, notes, err := spliceAnimation(out, info, xmp, notes)
	return data, notes, area, err
}

// labelFrames labels each composed frame and codes what changed; it
// also returns the share of the frame (%) the label covers, and records
// the first frame's label region in src for check.
func labelFrames(imgs []image.Image, frames []meta.WebPFrame, spec labeler.Spec, src *source) ([]meta.WebPFrame, []string, float64, error) {
	var out []meta.WebPFrame
	var notes []string
	var prev *image.NRGBA
	area := 0.0
	for i, m := range imgs {
		labeled, l, region, err := labelPicture(m, spec, src.orientation)
		if err != nil {
			return nil, nil, 0, err
		}
		if i == 0 {
			notes, area, src.region = l.Notes(), l.Area(), region
		}
		cur := nrgba(labeled, labeled.Bounds())
		f, err := codeFrame(cur, prev, frames[i])
		if err != nil {
			return nil, nil, 0, fmt.Errorf("encode webp frame %d: %w", i+1, err)
		}
		out, prev = append(out, f), cur
	}
	if len(out) > 1 {
		notes = append(notes, fmt.Sprintf("all %d frames labeled", len(out)))
	}
	return out, notes, area, nil
}

// spliceAnimation writes the frames with the source's metadata.
func spliceAnimation(frames []meta.WebPFrame, info *meta.WebPInfo, xmp packetFn, notes []string) ([]byte, []string, error) {
	more, err := info.RemovePictures(nil)
	if err != nil {
		return nil, nil, err
	}
	packet, err := xmp(info.XMP)
	if err != nil {
		return nil, nil, err
	}
	var buf bytes.Buffer
	wnotes, err := meta.SpliceAnimatedWebP(&buf, info.Width, info.Height, frames, info, packet)
	return buf.Bytes(), append(append(notes, more...), wnotes...), err
}

// codeFrame codes the part of cur that differs from prev (all of it for
// the first frame) as a frame that replaces those pixels. A frame equal
// to the previous one becomes a transparent 2×2 patch blended over it,
// which changes nothing: the frame and its duration stay.
func codeFrame(cur, prev *image.NRGBA, src meta.WebPFrame) (meta.WebPFrame, error) {
	r, blend := cur.Rect, false
	if prev != nil {
		r = changed(prev, cur)
	}
	patch := nrgba(cur, r)
	if r.Empty() {
		r, blend = image.Rect(0, 0, min(2, cur.Rect.Dx()), min(2, cur.Rect.Dy())), true
		patch = image.NewNRGBA(image.Rect(0, 0, r.Dx(), r.Dy()))
	}
	var b bytes.Buffer
	opt := webp.Options{Quality: webpQuality, Lossless: src.Lossless(), Method: 4, Exact: true}
	if err := webp.Encode(&b, patch, opt); err != nil {
		return meta.WebPFrame{}, err
	}
	coded, err := meta.ParseWebP(b.Bytes())
	if err != nil {
		return meta.WebPFrame{}, err
	}
	f := meta.WebPFrame{X: r.Min.X, Y: r.Min.Y, Width: r.Dx(), Height: r.Dy(), Duration: src.Duration, Blend: blend}
	for _, c := range coded.Chunks {
		if c.FourCC == "ALPH" || c.FourCC == "VP8 " || c.FourCC == "VP8L" {
			f.Chunks = append(f.Chunks, c)
		}
	}
	return f, nil
}

// changed is the smallest rectangle, with even top-left corner as ANMF
// offsets require, holding every pixel where a and b (same size, tight
// stride) differ. Rows are compared whole first: most rows of most
// frames are unchanged.
func changed(a, b *image.NRGBA) image.Rectangle {
	var r image.Rectangle
	for y := range a.Rect.Dy() {
		ra, rb := a.Pix[y*a.Stride:(y+1)*a.Stride], b.Pix[y*b.Stride:(y+1)*b.Stride]
		if bytes.Equal(ra, rb) {
			continue
		}
		first, last := 0, len(ra)-1
		for ra[first] == rb[first] {
			first++
		}
		for ra[last] == rb[last] {
			last--
		}
		r = r.Union(image.Rect(first/4, y, last/4+1, y+1))
	}
	if r.Empty() {
		return r
	}
	r.Min.X, r.Min.Y = r.Min.X&^1, r.Min.Y&^1
	return r
}

// nrgba copies the part r of img into a new NRGBA at the origin, with
// straight alpha and a tight stride, as the WebP encoder expects.
func nrgba(img image.Image, r image.Rectangle) *image.NRGBA {
	out := image.NewNRGBA(image.Rect(0, 0, r.Dx(), r.Dy()))
	draw.Draw(out, out.Rect, img, r.Min, draw.Src)
	return out
}

// webpFrames counts an animated WebP's frames from its chunks, without
// decoding: an animation bomb is refused before any pixel is decoded.
// A still WebP is one frame, not animated.
func webpFrames(data []byte) (int, bool) {
	info, err := meta.ParseWebP(data)
	if err != nil || !info.Animated {
		return 1, false
	}
	n := 0
	for _, c := range info.Chunks {
		if c.FourCC == "ANMF" {
			n++
		}
	}
	return max(n, 1), true
}

// readBackAnimation decodes every frame of a labeled animated WebP and
// checks none was lost.
func readBackAnimation(out []byte, src *source) error {
	all, err := webp.DecodeAll(bytes.NewReader(out))
	if err != nil {
		return err
	}
	if want, _ := webpFrames(src.data); len(all.Image) != want {
		return fmt.Errorf("%d frames, the source has %d", len(all.Image), want)
	}
	return nil
}

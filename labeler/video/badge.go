package video

import (
	"context"
	"fmt"
	"image"
	"image/color"
	"math"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/internal/scratch"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/render"
	xdraw "golang.org/x/image/draw"
)

// badge is the label as ffmpeg overlays it: a patch in stored pixels
// (turned against the rotation, squeezed by the pixel aspect) and where
// its top-left corner goes in the stored frame.
type badge struct {
	patch  *image.RGBA
	at     image.Point
	layout render.Layout // in displayed coordinates, for notes
}

// planBadge lays the label out at the displayed size and maps it back to
// stored pixels. Turning the label rather than the picture keeps the
// stored frames and their rotation metadata exactly as they were.
func planBadge(ctx context.Context, s *source, path string, spec labeler.Spec) (badge, error) {
	dw, dh := s.displaySize()
	l, err := render.Plan(anchored(spec, s), dw, dh)
	if err != nil {
		return badge{}, fmt.Errorf("video: %w", err)
	}
	r := render.StoredRect(l.Rect, dw, dh, s.orientation())
	stored := squeeze(r, s.sar)
	bg, err := sampleBackground(ctx, s, path, stored, spec.Video)
	if err != nil {
		return badge{}, err
	}
	patch, _, err := l.Draw(bg)
	if err != nil {
		return badge{}, fmt.Errorf("video: %w", err)
	}
	patch = render.ToStored(patch, s.orientation())
	patch = resize(patch, stored.Dx(), stored.Dy())
	return badge{patch: patch, at: stored.Min, layout: l}, nil
}

// squeeze maps a rectangle of square pixels to stored pixels that are
// sar times as wide as they are tall.
func squeeze(r image.Rectangle, sar float64) image.Rectangle {
	if sar <= 0 || math.Abs(sar-1) < 1e-6 {
		return r
	}
	x0 := int(math.Floor(float64(r.Min.X) / sar))
	x1 := int(math.Ceil(float64(r.Max.X) / sar))
	return image.Rect(x0, r.Min.Y, x1, r.Max.Y)
}

// resize scales a premultiplied patch to w×h; scaling premultiplied
// pixels keeps the box's soft edges free of dark fringes.
func resize(p *image.RGBA, w, h int) *image.RGBA {
	if p.Rect.Dx() == w && p.Rect.Dy() == h {
		return p
	}
	out := image.NewRGBA(image.Rect(0, 0, w, h))
	xdraw.CatmullRom.Scale(out, out.Rect, p, p.Rect, xdraw.Src, nil)
	return out
}

// sampleFractions are where the background is sampled, as fractions
// of the time the label shows.
var sampleFractions = []float64{0, 0.5, 0.9}

// sampleBackground measures what lies under the label on a few frames
// across the time it shows, keeping the worst cases: the box must keep
// the text readable over the whole clip, not one frame.
func sampleBackground(ctx context.Context, s *source, path string, r image.Rectangle, v labeler.VideoSpec) (render.Background, error) {
	span := s.duration
	if v.BadgeMode == labeler.BadgeStart {
		span = min(span, time.Duration(v.BadgeSeconds*float64(time.Second)))
	}
	times := make([]time.Duration, len(sampleFractions))
	for i, f := range sampleFractions {
		times[i] = time.Duration(f * float64(span))
	}
	frames, errs := sharedFrames(ctx, path, s, times)
	var bg render.Background
	n := 0
	for i, img := range frames {
		if img == nil {
			if n == 0 && i == 0 {
				return bg, labeler.AtStage(labeler.StageDecode, fmt.Errorf("video: no frame could be decoded (the picture stream is damaged): %w", errs[i]))
			}
			continue
		}
		bg = worst(bg, render.Measure(img, r), n)
		n++
	}
	return bg, nil
}

// worst combines two measurements: darkest of the darks, brightest of
// the brights, mean of the means.
func worst(a, b render.Background, n int) render.Background {
	if n == 0 {
		return b
	}
	lum := func(c color.NRGBA) int { return 2126*int(c.R) + 7152*int(c.G) + 722*int(c.B) }
	if lum(b.Darkest) < lum(a.Darkest) {
		a.Darkest = b.Darkest
	}
	if lum(b.Brightest) > lum(a.Brightest) {
		a.Brightest = b.Brightest
	}
	a.Mean = (a.Mean*float64(n) + b.Mean) / float64(n+1)
	return a
}

// sharedFrames is storedFrames, decoding once the frame several times
// land on: a key frame (see frameInput) that the probe saw cover them.
// In a clip of a second or two all three samples are its first frame;
// two fewer inputs to open and decode save about 45 ms of 0.1 s.
func sharedFrames(ctx context.Context, path string, s *source, times []time.Duration) ([]*image.RGBA, []error) {
	first := s.sameKeyFrame(times)
	var todo []time.Duration
	at := make([]int, len(times))
	for i, t := range times {
		if first[i] == i {
			at[i] = len(todo)
			todo = append(todo, t)
		} else {
			at[i] = at[first[i]]
		}
	}
	got, gotErrs := storedFrames(ctx, path, s, todo)
	frames, errs := make([]*image.RGBA, len(times)), make([]error, len(times))
	for i := range times {
		frames[i], errs[i] = got[at[i]], gotErrs[at[i]]
	}
	return frames, errs
}

// sameKeyFrame maps each of times to the first of them whose key frame
// (the last at or before it) is the same, when the probe read every
// packet of the file and so knows every key frame; otherwise each maps
// to itself.
func (s *source) sameKeyFrame(times []time.Duration) []int {
	first := make([]int, len(times))
	keys := s.info.FirstKeys[s.video.Index]
	keyOf := func(t time.Duration) float64 {
		k := keys[0]
		for _, x := range keys {
			if x-s.start.Seconds() <= t.Seconds()+1e-6 {
				k = max(k, x)
			}
		}
		return k
	}
	for i := range times {
		first[i] = i
		if !s.info.Whole || len(keys) == 0 {
			continue
		}
		for j := range i {
			if keyOf(times[j]) == keyOf(times[i]) {
				first[i] = first[j]
				break
			}
		}
	}
	return first
}

// storedFrames decodes a frame near each of times, in one ffmpeg run:
// each time is an input of its own, mapped to an output of its own, for
// one process start instead of one each, and only key frames are
// decoded (see frameInput). A frame that run did not give (the run
// failed, or a stream flags no key frame) is asked for alone, every
// frame decoded, so that one frame that can't be had costs only itself.
// A frame that can't be had is nil, with its error.
func storedFrames(ctx context.Context, path string, s *source, times []time.Duration) ([]*image.RGBA, []error) {
	frames, errs := make([]*image.RGBA, len(times)), make([]error, len(times))
	quiet := []string{"-hide_banner", "-nostdin", "-v", "error"}
	dir, err := scratch.Dir("", "frames")
	if err == nil {
		defer os.RemoveAll(dir)
		var inputs, outputs []string
		for i, t := range times {
			inputs = append(inputs, frameInput(path, t, true)...)
			outputs = append(outputs, frameOutput(i, s, filepath.Join(dir, fmt.Sprintf("%d.rgba", i)))...)
		}
		_, err = ffmpeg.Run(ctx, "ffmpeg", slices.Concat(quiet, inputs, outputs)...)
	}
	for i, t := range times {
		if err == nil {
			frames[i], errs[i] = readFrame(filepath.Join(dir, fmt.Sprintf("%d.rgba", i)), s, t)
		}
		if frames[i] == nil {
			var out []byte
			out, errs[i] = ffmpeg.Run(ctx, "ffmpeg", slices.Concat(quiet, frameInput(path, t, false), frameOutput(0, s, "-"))...)
			if errs[i] == nil {
				frames[i], errs[i] = rawFrame(out, s, t)
			}
		}
	}
	return frames, errs
}

// readFrame reads a frame storedFrames' run wrote.
func readFrame(name string, s *source, t time.Duration) (*image.RGBA, error) {
	out, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return rawFrame(out, s, t)
}

// frameInput opens the file at about t. It takes the key frame at or
// before t: any frame of that moment measures the background as well,
// and decoding from the key frame up to t would cost seconds on a
// long-GOP 4K file. Files without an index (FLV, some TS) can't seek;
// the first frame needs no seek at all. keysOnly has the decoder skip
// every other frame: with frame threads it decodes several ahead of the
// one kept (FLIR_Thermal.mp4's three samples: 0.41 s of CPU, 0.20 s
// with keysOnly, the same frames).
func frameInput(path string, t time.Duration, keysOnly bool) []string {
	var args []string
	if keysOnly {
		args = append(args, "-skip_frame", "nokey")
	}
	if t > 0 {
		args = append(args, "-noaccurate_seek", "-ss", secs(t))
	}
	return append(args, "-noautorotate", "-i", ffmpeg.SafePath(path))
}

// frameOutput writes input i's first frame as stored (not turned), raw
// RGBA. -fps_mode passthrough keeps the key frame: otherwise ffmpeg
// drops its earlier time stamp for a raw output and decodes on to t (135
// frames of 1080p, 1 s of CPU, per sample, measured).
func frameOutput(i int, s *source, out string) []string {
	return []string{"-map", fmt.Sprintf("%d:v:%d", i, s.vIndex), "-frames:v", "1", "-fps_mode", "passthrough",
		"-f", "rawvideo", "-pix_fmt", "rgba", "-y", out}
}

// rawFrame wraps a decoded frame; too few bytes means there was none.
func rawFrame(out []byte, s *source, t time.Duration) (*image.RGBA, error) {
	w, h := s.video.Width, s.video.Height
	if len(out) < 4*w*h {
		return nil, fmt.Errorf("no frame at %s", secs(t))
	}
	return &image.RGBA{Pix: out[:4*w*h], Stride: 4 * w, Rect: image.Rect(0, 0, w, h)}, nil
}

// secs formats a duration as ffmpeg's seconds with millisecond precision.
func secs(d time.Duration) string {
	return fmt.Sprintf("%.3f", d.Seconds())
}

package video

import (
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math"
	"os"
	"path/filepath"

	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/render"
)

// Label assets are what an editor drops on a timeline to put Belgi's
// label into an edit before exporting it once: the badge as a
// transparent picture and as a short clip with alpha, the slate as a
// clip, the spoken notice as a WAV, and a README saying where each goes.
// They are drawn by package render from the Spec, exactly as a labeled
// video would show them.

// AssetOptions says what the assets are made for.
type AssetOptions struct {
	Width, Height int    // the displayed frame
	FrameRate     string // of the clips, as ffmpeg writes it ("30000/1001")
	SampleRate    int    // of the notice
	Channels      int
	// Programme is the video's sound's loudness (EBU R128), which the
	// notice is matched to; -Inf when unknown.
	Programme float64
	// Background is what lies under the badge, measured on the video
	// when the assets are made for one; unknown footage is assumed to
	// run from black to white, the worst case for contrast.
	Background render.Background
	For        string // the video they were made for, "" for a frame size
	// Subtitles: the video has subtitle streams, so the automatic anchor
	// puts the badge at the top-right, as a labeled copy would have it.
	Subtitles bool
}

// DefaultAssetOptions are assets for a w×h frame of unknown footage at
// 25 frames a second, with a 48 kHz stereo notice at the notice's default
// loudness.
func DefaultAssetOptions(w, h int) AssetOptions {
	return AssetOptions{Width: w, Height: h, FrameRate: "25", SampleRate: 48000, Channels: 2, Programme: math.Inf(-1),
		Background: render.Background{Darkest: color.NRGBA{A: 255}, Brightest: color.NRGBA{255, 255, 255, 255}, Mean: 0.5}}
}

// AssetOptionsFor measures a video: its displayed size, frame rate, the
// sound's rate, channels and loudness, and the footage under the badge.
func AssetOptionsFor(ctx context.Context, path string, spec labeler.Spec) (AssetOptions, error) {
	s, err := probe(ctx, path)
	if err != nil {
		return AssetOptions{}, err
	}
	dw, dh := s.displaySize()
	o := DefaultAssetOptions(dw, dh)
	o.FrameRate, o.For, o.Subtitles = s.frameRate(), path, s.hasSubtitles()
	if s.audio != nil {
		o.SampleRate, o.Channels = audioRate(s), audioChannels(s)
		o.Programme = programmeLoudness(ctx, path)
	}
	l, err := render.Plan(anchored(spec, s), dw, dh)
	if err != nil {
		return o, err
	}
	stored := squeeze(render.StoredRect(l.Rect, dw, dh, s.orientation()), s.sar)
	o.Background, err = sampleBackground(ctx, s, path, stored, spec.Video)
	return o, err
}

// Asset is one file of the pack.
type Asset struct {
	Name string // the file's name in the folder
	What string // one line for the person
}

// WriteAssets writes the pack into dir (created if missing) and lists
// what it wrote. Files are written under temporary names and renamed,
// so a cancelled run leaves no half file.
func (k Kind) WriteAssets(ctx context.Context, dir string, spec labeler.Spec, o AssetOptions) ([]Asset, error) {
	if o.Width < 16 || o.Height < 16 {
		return nil, fmt.Errorf("assets: a %d×%d frame is too small", o.Width, o.Height)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("assets: %w", err)
	}
	work, err := os.MkdirTemp(dir, ".belgi-assets-")
	if err != nil {
		return nil, fmt.Errorf("assets: %w", err)
	}
	defer os.RemoveAll(work)
	spec.Position = spec.Position.Resolve(o.Subtitles)
	p := assetPack{kind: k, spec: spec, o: o, work: work}
	if err := p.make(ctx); err != nil {
		return nil, fmt.Errorf("assets: %w", err)
	}
	return p.assets, p.publish(dir)
}

// assetPack is one run of WriteAssets.
type assetPack struct {
	kind   Kind
	spec   labeler.Spec
	o      AssetOptions
	work   string
	layout render.Layout
	assets []Asset
	files  []string // written in work, in order
}

func (p *assetPack) make(ctx context.Context) error {
	for _, step := range []func(context.Context) error{p.badgePNG, p.badgeClip, p.slateClip, p.notice, p.manifest, p.readme} {
		if err := step(ctx); err != nil {
			return err
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
	return nil
}

func (p *assetPack) add(name, what string) {
	p.assets = append(p.assets, Asset{Name: name, What: what})
	p.files = append(p.files, name)
}

// badgePNG draws the badge where Belgi puts it, on a transparent frame
// of the full size: placed at the frame's origin on a track above the
// picture, it needs no positioning.
func (p *assetPack) badgePNG(context.Context) error {
	l, err := render.Plan(p.spec, p.o.Width, p.o.Height)
	if err != nil {
		return err
	}
	patch, _, err := l.Draw(p.o.Background)
	if err != nil {
		return err
	}
	p.layout = l
	frame := image.NewRGBA(image.Rect(0, 0, p.o.Width, p.o.Height))
	draw.Draw(frame, l.Rect, patch, image.Point{}, draw.Src)
	if _, err := writePNG(p.work, assetBadgePNG, frame); err != nil {
		return err
	}
	p.add(assetBadgePNG, "the badge on a transparent full frame")
	return nil
}

// publish moves the files into dir, replacing older ones of the names.
func (p *assetPack) publish(dir string) error {
	for _, name := range p.files {
		if err := os.Rename(filepath.Join(p.work, name), filepath.Join(dir, name)); err != nil {
			return fmt.Errorf("assets: %w", err)
		}
	}
	if len(p.files) == 0 {
		return errors.New("assets: nothing written")
	}
	return nil
}

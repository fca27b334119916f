package video

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/render"
)

// The pack's file names.
const (
	assetBadgePNG = "belgi-badge.png"
	assetBadgeMOV = "belgi-badge.mov"
	assetSlate    = "belgi-slate.mov"
	assetNotice   = "belgi-notice.wav"
	assetManifest = "belgi-assets.json"
	assetReadme   = "README.txt"
)

// allFramesSeconds is how long the badge clip runs when the badge is on
// every frame: the editor stretches it over the programme.
const allFramesSeconds = 10.0

// badgeSeconds is how long the badge shows: its start span, or the
// clip's length when it shows throughout.
func (p *assetPack) badgeSeconds() float64 {
	if p.spec.Video.BadgeMode == labeler.BadgeStart {
		return p.spec.Video.BadgeSeconds
	}
	return allFramesSeconds
}

// alphaCodec is how the badge clip keeps its transparency: ProRes 4444
// (every editor reads it), or QuickTime Animation when this ffmpeg has
// no ProRes encoder.
func alphaCodec(ctx context.Context) []string {
	if ffmpeg.HasEncoder(ctx, "prores_ks") {
		return []string{"-c:v", "prores_ks", "-profile:v", "4444", "-pix_fmt", "yuva444p10le", "-vendor", "apl0"}
	}
	return []string{"-c:v", "qtrle", "-pix_fmt", "argb"}
}

// badgeClip is the badge PNG as a clip with alpha. Its picture never
// changes, so every frame compresses to almost nothing.
func (p *assetPack) badgeClip(ctx context.Context) error {
	if p.spec.Video.BadgeMode == labeler.BadgeSlate {
		return nil
	}
	return p.stillClip(ctx, assetBadgePNG, assetBadgeMOV, p.badgeSeconds(), alphaCodec(ctx),
		fmt.Sprintf("the badge as a %g s clip with alpha", p.badgeSeconds()))
}

// slateClip is the slate card as a clip, in ProRes 422 (422 LT keeps a
// flat card small and every editor decodes it).
func (p *assetPack) slateClip(ctx context.Context) error {
	if !p.spec.Video.ShowsSlate() {
		return nil
	}
	card, err := render.Slate(p.spec, p.o.Width, p.o.Height)
	if err != nil {
		return err
	}
	if _, err := writePNG(p.work, "slate.png", card); err != nil {
		return err
	}
	codec := []string{"-c:v", "prores_ks", "-profile:v", "1", "-pix_fmt", "yuv422p10le", "-vendor", "apl0"}
	if !ffmpeg.HasEncoder(ctx, "prores_ks") {
		codec = []string{"-c:v", "qtrle", "-pix_fmt", "rgb24"}
	}
	return p.stillClip(ctx, "slate.png", assetSlate, p.spec.Video.SlateSeconds, codec,
		fmt.Sprintf("the opening slate, %g s", p.spec.Video.SlateSeconds))
}

// stillClip makes a clip of a picture held for sec seconds at the frame
// rate. Both codecs code every frame on its own, so one frame is encoded
// and its packet repeated: a 10 s 1080p ProRes 4444 clip takes a second,
// not minutes.
func (p *assetPack) stillClip(ctx context.Context, png, out string, sec float64, codec []string, what string) error {
	one := filepath.Join(p.work, "one-"+out)
	args := []string{"-hide_banner", "-nostdin", "-v", "error", "-framerate", p.o.FrameRate,
		"-i", ffmpeg.SafePath(filepath.Join(p.work, png)), "-frames:v", "1"}
	args = append(append(args, codec...), "-an", "-y", ffmpeg.SafePath(one))
	if _, err := ffmpeg.Run(ctx, "ffmpeg", args...); err != nil {
		return err
	}
	n := max(1, int(math.Ceil(sec*parseRatio(p.o.FrameRate, 25)-1e-9)))
	_, err := ffmpeg.Run(ctx, "ffmpeg", "-hide_banner", "-nostdin", "-v", "error", "-stream_loop", strconv.Itoa(n-1),
		"-i", ffmpeg.SafePath(one), "-c", "copy", "-frames:v", strconv.Itoa(n), "-y", ffmpeg.SafePath(filepath.Join(p.work, out)))
	if err != nil {
		return err
	}
	p.add(out, what)
	return os.Remove(one)
}

// notice writes the spoken notice at the programme's rate and loudness.
func (p *assetPack) notice(ctx context.Context) error {
	if !p.spec.Video.Spoken {
		return nil
	}
	f, err := os.Create(filepath.Join(p.work, assetNotice))
	if err != nil {
		return err
	}
	if err := p.kind.notice(ctx, f, p.spec, p.o.SampleRate, p.o.Channels, p.o.Programme); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	p.add(assetNotice, fmt.Sprintf("the spoken notice, %d Hz, %d channel(s)", p.o.SampleRate, p.o.Channels))
	return nil
}

// manifest records, for `belgi-cli check` and other programs, what the
// pack holds and where the badge lies in the frame.
type manifest struct {
	Frame        [2]int   `json:"frame"` // displayed width, height
	FrameRate    string   `json:"frame_rate"`
	Badge        string   `json:"badge,omitempty"`
	BadgeClip    string   `json:"badge_clip,omitempty"`
	BadgeRect    [4]int   `json:"badge_rect"` // x0, y0, x1, y1 in displayed pixels
	BadgeSeconds float64  `json:"badge_seconds,omitempty"`
	BadgeAll     bool     `json:"badge_all_frames,omitempty"`
	Slate        string   `json:"slate,omitempty"`
	SlateSeconds float64  `json:"slate_seconds,omitempty"`
	Notice       string   `json:"notice,omitempty"`
	SampleRate   int      `json:"sample_rate,omitempty"`
	Langs        []string `json:"langs"`
	Profile      string   `json:"profile"`
	AI           string   `json:"ai"`
	Lines        []string `json:"lines"`
	For          string   `json:"for,omitempty"`
}

func (p *assetPack) manifest(context.Context) error {
	r := p.layout.Rect
	m := manifest{Frame: [2]int{p.o.Width, p.o.Height}, FrameRate: p.o.FrameRate, Badge: assetBadgePNG,
		BadgeRect: [4]int{r.Min.X, r.Min.Y, r.Max.X, r.Max.Y}, Profile: p.spec.Profile, AI: string(p.spec.AI),
		Lines: p.spec.Lines(), For: filepath.Base(p.o.For)}
	if m.For == "." {
		m.For = ""
	}
	for _, l := range p.spec.Langs {
		m.Langs = append(m.Langs, string(l))
	}
	p.fillClips(&m)
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(p.work, assetManifest), append(b, '\n'), 0o644); err != nil {
		return err
	}
	p.add(assetManifest, "what the pack holds, for programs (belgi-cli check)")
	return nil
}

// fillClips records the clips that were written.
func (p *assetPack) fillClips(m *manifest) {
	for _, a := range p.assets {
		switch a.Name {
		case assetBadgeMOV:
			m.BadgeClip, m.BadgeSeconds = a.Name, p.badgeSeconds()
			m.BadgeAll = p.spec.Video.BadgeMode == labeler.BadgeAll
		case assetSlate:
			m.Slate, m.SlateSeconds = a.Name, p.spec.Video.SlateSeconds
		case assetNotice:
			m.Notice, m.SampleRate = a.Name, p.o.SampleRate
		}
	}
}

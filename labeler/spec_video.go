package labeler

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Badge modes for video: the label on every frame, on the first
// BadgeSeconds only, or none on the frames at all, the opening slate
// being the label.
const (
	BadgeAll   = "all"
	BadgeStart = "start"
	BadgeSlate = "slate"
)

// VideoSpec holds knobs only video has.
type VideoSpec struct {
	// BadgeMode is BadgeAll (every frame, the default), BadgeStart
	// (the first BadgeSeconds) or BadgeSlate (no badge: the slate, shown
	// whatever Slate says, is the label). Profiles say how short "start"
	// may be.
	BadgeMode    string
	BadgeSeconds float64
	// Slate prepends a full-frame card with the notice, SlateSeconds long
	// (2–3 s).
	Slate        bool
	SlateSeconds float64
	// Spoken mixes the spoken notice into the sound at the start, with
	// the programme ducked by Duck dB under it (over the slate if any).
	Spoken bool
	Duck   float64
	// NoticeTrackWhenSilent gives a video without sound a track that
	// carries only the spoken notice.
	NoticeTrackWhenSilent bool
	// CRF is the encoder's constant rate factor (x264/x265/VP9 scale,
	// lower is better); Preset is x264's speed preset, mapped to the
	// nearest speed of other encoders.
	CRF    int
	Preset string
	// Encoder is the video encoder of full re-encodes: EncoderSoftware
	// (x264, x265, libvpx) or a hardware family ("nvenc", "qsv",
	// "vaapi", "videotoolbox") that works on this computer. Smart render
	// always encodes in software, to match the source.
	Encoder string
	// SmartRender re-encodes only the groups of pictures the label
	// touches when it covers just the start (start:N, or the slate), and
	// copies the rest of the picture and sound bit for bit; a source it
	// can't match is re-encoded whole, with a note saying why.
	SmartRender bool
}

func defaultVideoSpec() VideoSpec {
	return VideoSpec{
		BadgeMode: BadgeAll, BadgeSeconds: 5,
		SlateSeconds: 2.5,
		Spoken:       true, Duck: 15,
		CRF: 18, Preset: "medium",
		SmartRender: true, Encoder: EncoderSoftware,
	}
}

// EncoderSoftware is the default encoder: x264, x265 or libvpx, the
// source's codec family in software.
const EncoderSoftware = "software"

// Encoders are the encoder choices: software, then the hardware families
// in the order Belgi prefers them.
var Encoders = []string{EncoderSoftware, "nvenc", "qsv", "vaapi", "videotoolbox"}

// Presets are x264's speed presets, fastest first.
var Presets = []string{"ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow"}

// ShowsSlate reports whether the video opens with the slate.
func (v VideoSpec) ShowsSlate() bool { return v.Slate || v.BadgeMode == BadgeSlate }

// ParseVideoBadge reads the CLI's "all", "slate" or "start:N" into v.
func (v *VideoSpec) ParseVideoBadge(s string) error {
	s = strings.TrimSpace(strings.ToLower(s))
	if s == BadgeAll || s == BadgeSlate {
		v.BadgeMode = s
		return nil
	}
	rest, ok := strings.CutPrefix(s, BadgeStart+":")
	n, err := strconv.ParseFloat(rest, 64)
	if !ok || err != nil || math.IsNaN(n) {
		return fmt.Errorf("video badge %q: use \"all\", \"slate\" or \"start:N\" with N in seconds", s)
	}
	v.BadgeMode, v.BadgeSeconds = BadgeStart, n
	return nil
}

package labeler

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Badge modes for video: the label on every frame, or on the first
// BadgeSeconds only.
const (
	BadgeAll   = "all"
	BadgeStart = "start"
)

// VideoSpec holds knobs only video has.
type VideoSpec struct {
	// Badge is BadgeAll (every frame, the default) or BadgeStart (the
	// first BadgeSeconds). Profiles say how short "start" may be.
	Badge        string
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
}

func defaultVideoSpec() VideoSpec {
	return VideoSpec{
		Badge: BadgeAll, BadgeSeconds: 5,
		SlateSeconds: 2.5,
		Spoken:       true, Duck: 15,
		CRF: 18, Preset: "medium",
	}
}

// Presets are x264's speed presets, fastest first.
var Presets = []string{"ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow"}

// ParseVideoBadge reads the CLI's "all" or "start:N" into v.
func (v *VideoSpec) ParseVideoBadge(s string) error {
	s = strings.TrimSpace(strings.ToLower(s))
	if s == BadgeAll {
		v.Badge = BadgeAll
		return nil
	}
	rest, ok := strings.CutPrefix(s, BadgeStart+":")
	n, err := strconv.ParseFloat(rest, 64)
	if !ok || err != nil || math.IsNaN(n) {
		return fmt.Errorf("video badge %q: use \"all\" or \"start:N\" with N in seconds", s)
	}
	v.Badge, v.BadgeSeconds = BadgeStart, n
	return nil
}

// validate checks the knobs against the profile's shortest badge time.
func (v VideoSpec) validate(profile string) error {
	var errs []error
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	switch v.Badge {
	case BadgeAll:
	case BadgeStart:
		v.validateStart(profile, add)
	default:
		add("video badge %q: use %q (every frame) or %q (the first seconds)", v.Badge, BadgeAll, BadgeStart)
	}
	if v.Slate && (v.SlateSeconds < 2 || v.SlateSeconds > 3) {
		add("the opening slate lasts 2–3 s, not %.3g s", v.SlateSeconds)
	}
	if v.Duck < 0 || v.Duck > 40 {
		add("ducking the sound under the notice by %.3g dB is outside 0–40 dB", v.Duck)
	}
	if v.CRF < 0 || v.CRF > 51 {
		add("video quality (CRF) %d is outside 0–51 (lower is better; 18 is visually lossless)", v.CRF)
	}
	if !validPreset(v.Preset) {
		add("video speed preset %q is not one of %s", v.Preset, strings.Join(Presets, ", "))
	}
	return errors.Join(errs...)
}

func (v VideoSpec) validateStart(profile string, add func(string, ...any)) {
	p, err := LookupProfile(profile)
	if err != nil {
		return // reported by Spec.Validate
	}
	switch {
	case p.VideoMinSeconds == 0:
		add("profile %s wants the video badge on every frame: use the badge mode %q", p.Name, BadgeAll)
	case v.BadgeSeconds < max(2, p.VideoMinSeconds):
		add("profile %s needs the video badge for at least %g s, not %.3g s", p.Name, max(2, p.VideoMinSeconds), v.BadgeSeconds)
	}
}

func validPreset(p string) bool {
	for _, q := range Presets {
		if q == p {
			return true
		}
	}
	return false
}

package labeler

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
)

// AudioSpec holds knobs only audio (and a video's sound) has. The spoken
// notice always plays at the start; these add repeats, a rhythm cue, a
// custom recording and the spacing around the notice.
type AudioSpec struct {
	// AtEnd repeats the notice after the programme.
	AtEnd bool
	// EveryMinutes repeats the notice inside long recordings about every
	// so many minutes (0: never). Each repeat is placed at the quietest
	// moment within a few seconds of the mark, between whole samples.
	EveryMinutes float64
	// Cue plays the rhythm cue short-long-short-short (Morse "AI") before
	// the words.
	Cue bool
	// CustomClip is a recording (WAV, MP3, FLAC, OGG) to play instead of
	// the stock words; "" uses stock clips, or espeak-ng for Spec.Custom
	// wording.
	CustomClip string
	// GapSeconds of silence separate the notice from the programme.
	GapSeconds float64
	// FadeMillis is the fade at each edge of the notice.
	FadeMillis float64
	// TargetLUFS sets the notice's loudness; 0 matches the programme's
	// integrated loudness (EBU R128 -23 LUFS when it can't be measured).
	TargetLUFS float64
}

func defaultAudioSpec() AudioSpec {
	return AudioSpec{GapSeconds: 0.5, FadeMillis: 20}
}

// Custom recordings Belgi can decode without ffmpeg.
var audioClipExts = []string{".wav", ".mp3", ".flac", ".ogg", ".oga"}

func (a AudioSpec) validate() error {
	var errs []error
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if a.EveryMinutes != 0 && (a.EveryMinutes < 1 || a.EveryMinutes > 180) {
		add("repeat the spoken notice every 1–180 minutes, not %.3g (0 turns repeats off)", a.EveryMinutes)
	}
	if a.GapSeconds < 0 || a.GapSeconds > 5 {
		add("gap around the spoken notice %.3g s is outside 0–5 s", a.GapSeconds)
	}
	if a.FadeMillis < 0 || a.FadeMillis > 500 {
		add("notice fade %.3g ms is outside 0–500 ms", a.FadeMillis)
	}
	if a.TargetLUFS != 0 && (a.TargetLUFS < -40 || a.TargetLUFS > -5) {
		add("notice loudness %.3g LUFS is outside -40 to -5 LUFS (0 matches the programme)", a.TargetLUFS)
	}
	if a.CustomClip != "" {
		ext := strings.ToLower(filepath.Ext(a.CustomClip))
		ok := false
		for _, e := range audioClipExts {
			ok = ok || e == ext
		}
		if !ok {
			add("custom notice recording %s: use a WAV, MP3, FLAC or OGG file", filepath.Base(a.CustomClip))
		}
	}
	return errors.Join(errs...)
}

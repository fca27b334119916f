package main

import (
	"flag"

	"github.com/belgi-kz/belgi/labeler"
)

// audioFlags binds the spoken-notice knobs (labeler.AudioSpec).
func audioFlags(fs *flag.FlagSet, spec *labeler.Spec) {
	a := &spec.Audio
	fs.BoolVar(&a.AtEnd, "notice-end", a.AtEnd, "audio: repeat the spoken notice at the end")
	fs.Float64Var(&a.EveryMinutes, "notice-every", a.EveryMinutes, "audio: repeat the spoken notice about every N minutes (0: never)")
	fs.BoolVar(&a.Cue, "cue", a.Cue, "audio: play the rhythm cue short-long-short-short (Morse \"AI\") before the words")
	fs.StringVar(&a.CustomClip, "notice-clip", a.CustomClip, "audio: your own notice recording (WAV, MP3, FLAC, OGG) instead of the stock words")
	fs.Float64Var(&a.GapSeconds, "notice-gap", a.GapSeconds, "audio: seconds of silence between notice and programme")
	fs.Float64Var(&a.FadeMillis, "notice-fade", a.FadeMillis, "audio: fade at the notice's edges, milliseconds")
	fs.Float64Var(&a.TargetLUFS, "notice-lufs", a.TargetLUFS, "audio: notice loudness in LUFS (0: match the programme)")
}

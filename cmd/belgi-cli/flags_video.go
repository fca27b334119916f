package main

import (
	"flag"
	"strings"

	"github.com/belgi-kz/belgi/labeler"
)

// videoFlags binds the video knobs. The badge mode is one flag,
// "all" or "start:N", as editors think of it.
func videoFlags(fs *flag.FlagSet, spec *labeler.Spec) {
	v := &spec.Video
	fs.Func("video-badge", "video badge: all (every frame) or start:N (the first N seconds, N ≥ 2)", v.ParseVideoBadge)
	fs.BoolVar(&v.Slate, "slate", v.Slate, "prepend a full-frame card with the notice to videos")
	fs.Float64Var(&v.SlateSeconds, "slate-seconds", v.SlateSeconds, "length of the opening slate, 2-3 s")
	fs.BoolVar(&v.Spoken, "video-spoken", v.Spoken, "mix the spoken notice into a video's sound")
	fs.BoolVar(&v.NoticeTrackWhenSilent, "notice-track", v.NoticeTrackWhenSilent, "give videos without sound a track with the spoken notice")
	fs.Float64Var(&v.Duck, "duck", v.Duck, "lower a video's sound by this many dB under the spoken notice")
	fs.IntVar(&v.CRF, "crf", v.CRF, "video quality, 0-51 (lower is better; 18 is visually lossless)")
	fs.StringVar(&v.Preset, "video-preset", v.Preset, "encoder speed: "+strings.Join(labeler.Presets, ", "))
}

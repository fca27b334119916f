package audio

import (
	"github.com/belgi-kz/belgi/internal/pcm"
	"github.com/belgi-kz/belgi/labeler"
)

// fillShare repeats the notice, with the spec's gap between, until it
// fills the share of the programme's length that the profile wants the
// disclosure to occupy from the start (in-eci: the first 10 %). Other
// profiles get the notice as it is.
func fillShare(notice *pcm.PCM, programmeFrames int64, spec labeler.Spec) *pcm.PCM {
	p, err := labeler.LookupProfile(spec.Profile)
	if err != nil || p.AudioStartShare <= 0 || notice.Frames() == 0 {
		return notice
	}
	want := int(float64(programmeFrames) * p.AudioStartShare / 100)
	if notice.Frames() >= want {
		return notice
	}
	gap := make([]float32, int(spec.Audio.GapSeconds*float64(notice.Rate))*notice.Channels)
	out := &pcm.PCM{Rate: notice.Rate, Channels: notice.Channels, Samples: append([]float32(nil), notice.Samples...)}
	for out.Frames() < want {
		out.Samples = append(append(out.Samples, gap...), notice.Samples...)
	}
	return out
}

package audio

import (
	"fmt"
	"time"

	"github.com/belgi-kz/belgi/internal/pcm"
	"github.com/belgi-kz/belgi/labeler"
)

// slot is one place a notice plays: before programme frame at, with a gap
// of silence before it (lead) and/or after it (tail) so that it is heard
// as separate from the programme.
type slot struct {
	at         int64
	lead, tail bool
}

// repeatMargin: no repeat is placed this close to the end; a repeat
// seconds before the closing notice (or the end) would only annoy.
const repeatMargin = 30 * time.Second

// plan lists the slots for a programme of frames at rate: the start
// always, every EveryMinutes if asked, and the end if asked.
func plan(frames int64, rate int, a labeler.AudioSpec) []slot {
	slots := []slot{{at: 0, tail: true}}
	if a.EveryMinutes > 0 {
		step := int64(a.EveryMinutes * 60 * float64(rate))
		margin := int64(repeatMargin.Seconds() * float64(rate))
		for at := step; at < frames-margin; at += step {
			slots = append(slots, slot{at: at, lead: true, tail: true})
		}
	}
	if a.AtEnd {
		slots = append(slots, slot{at: frames, lead: true})
	}
	return slots
}

// block is a slot's sound: the gaps around the notice.
func block(notice *pcm.PCM, s slot, gap time.Duration) *pcm.PCM {
	b := &pcm.PCM{Rate: notice.Rate, Channels: notice.Channels}
	if s.lead {
		b.Silence(gap)
	}
	b.Samples = append(b.Samples, notice.Samples...)
	if s.tail {
		b.Silence(gap)
	}
	return b
}

func gapOf(a labeler.AudioSpec) time.Duration {
	return time.Duration(a.GapSeconds * float64(time.Second))
}

// placementNote says where notices went, for the outcome's notes.
func placementNote(slots []slot, notice *pcm.PCM, lufs float64) string {
	where := "at the start"
	if n := len(slots) - 1; n > 0 {
		where = fmt.Sprintf("at the start and %d more time(s)", n)
	}
	return fmt.Sprintf("spoken notice (%.1f s) %s, at %.1f LUFS to match the programme", notice.Duration().Seconds(), where, lufs)
}

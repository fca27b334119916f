package video

import "time"

// Stages of a smart render, for progress.
const (
	stageSlate = iota
	stageHead
	stageAudio
	stageMux
	stageCount
)

// stages maps each stage's own 0..1 progress onto the file's, between
// encodeFrom and encodeTo, in proportion to the stage's expected cost.
type stages struct {
	report func(float64)
	from   [stageCount]float64
	span   [stageCount]float64
}

func newStages(report func(float64), weights [stageCount]float64) *stages {
	st := &stages{report: report}
	total := 0.0
	for _, w := range weights {
		total += w
	}
	at := encodeFrom
	for i, w := range weights {
		st.from[i] = at
		st.span[i] = (encodeTo - encodeFrom) * w / max(total, 1e-9)
		at += st.span[i]
	}
	return st
}

// at is the progress callback of one stage.
func (st *stages) at(i int) func(float64) {
	return func(f float64) { st.report(st.from[i] + st.span[i]*min(max(f, 0), 1)) }
}

// weights estimates each stage's cost in seconds of work: encoding runs
// at about real time, copying at about fifty times real time.
func (s *smart) weights() [stageCount]float64 {
	var w [stageCount]float64
	if s.p.slatePNG != "" {
		w[stageSlate] = s.p.slateSeconds() / 4 // a still card encodes fast
	}
	w[stageHead] = s.cut
	if s.audio.mode == audioSplice || s.audio.mode == audioWhole {
		w[stageAudio] = s.audio.cut/10 + 0.2
	}
	w[stageMux] = s.p.total().Seconds()/50 + 0.2
	return w
}

// durationOf converts seconds to a time.Duration.
func durationOf(sec float64) time.Duration { return time.Duration(sec * float64(time.Second)) }

package labeler

import (
	"testing"
	"time"
)

func TestETA(t *testing.T) {
	t0 := time.Unix(1000, 0)
	s := func(x float64) time.Time { return t0.Add(time.Duration(x * float64(time.Second))) }
	e := newETA(t0)
	steps := []struct {
		at, f float64
		want  float64 // seconds remaining; 0 unknown
	}{
		{0.2, 0.05, 0}, // preparation done: the reference
		{0.7, 0.10, 0}, // too soon
		{5.2, 0.55, 5}, // 0.5 done in 5 s: the 0.45 left take 4.5 s
		{10.2, 1.0, 0}, // done
	}
	for _, st := range steps {
		el, rem := e.at(s(st.at), st.f)
		if el != s(st.at).Sub(t0) {
			t.Errorf("elapsed %v at %gs", el, st.at)
		}
		if got := rem.Seconds(); (st.want == 0) != (got == 0) || (st.want > 0 && (got < 4 || got > 5)) {
			t.Errorf("at %gs (%.2f) remaining %.2fs, want about %gs", st.at, st.f, got, st.want)
		}
	}
}

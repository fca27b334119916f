package ui

import (
	"testing"
	"time"
)

func TestClock(t *testing.T) {
	for d, want := range map[time.Duration]string{
		42 * time.Second: "0:42",
		12*time.Minute + 5*time.Second + 400*time.Millisecond: "12:05",
		time.Hour + 2*time.Minute + 9*time.Second:             "1:02:09",
	} {
		if got := clock(d); got != want {
			t.Errorf("clock(%v) = %q, want %q", d, got, want)
		}
	}
}

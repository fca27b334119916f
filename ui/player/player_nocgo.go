//go:build !cgo

package player

import (
	"context"
	"fmt"

	"github.com/belgi-kz/belgi/internal/pcm"
)

// Player is a stand-in for builds without cgo, which have no speaker.
type Player struct{}

// New returns a player that cannot play.
func New() *Player { return &Player{} }

// Play reports that this build has no audio output.
func (*Player) Play(context.Context, *pcm.PCM) error {
	return fmt.Errorf("%w: this build of Belgi has no audio playback (built without cgo)", ErrNoDevice)
}

// Stop does nothing.
func (*Player) Stop() {}

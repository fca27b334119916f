// Package kinds assembles the registry of every media kind Belgi labels.
// It is separate from package labeler because each kind imports labeler
// for its types; the list here is explicit, with no init() magic.
package kinds

import (
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/image"
	"github.com/belgi-kz/belgi/labeler/video"
)

// Default returns the registry the app and the CLI use. Order matters:
// kinds whose magic bytes are unmistakable come before kinds that sniff
// by content (text).
func Default() *labeler.Registry {
	return labeler.NewRegistry(
		image.New(),
		video.New(),
	)
}

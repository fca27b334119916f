package video

import (
	"fmt"

	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/render"
)

// writeSlate draws the slate at the displayed size and stores it the way
// the video's frames are stored (turned back, squeezed by the pixel
// aspect), so the same rotation metadata shows both upright.
func writeSlate(dir string, s *source, spec labeler.Spec) (string, error) {
	dw, dh := s.displaySize()
	card, err := render.Slate(spec, dw, dh)
	if err != nil {
		return "", fmt.Errorf("video: slate: %w", err)
	}
	stored := resize(render.ToStored(card, s.orientation()), s.video.Width, s.video.Height)
	if hdr := hdrRecode(stored, s.video); hdr != nil {
		return writePNG(dir, "slate.png", hdr)
	}
	return writePNG(dir, "slate.png", stored)
}

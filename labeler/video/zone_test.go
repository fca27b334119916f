package video

import (
	"context"
	"testing"

	"github.com/belgi-kz/belgi/labeler"
)

// With the automatic anchor the badge of a video with subtitles sits at
// the top, clear of them; an anchor the user chose is kept; a video
// without subtitles keeps the bottom-right.
func TestBadgeAvoidsSubtitles(t *testing.T) {
	cases := []struct {
		clip     string
		position labeler.Position
		top      bool
	}{
		{"subs.mkv", labeler.Auto, true},
		{"subs.mkv", labeler.BottomRight, false},
		{"h264.mp4", labeler.Auto, false},
	}
	for _, c := range cases {
		path := clip(t, c.clip)
		s, err := probe(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		spec := labeler.DefaultSpec()
		spec.Position = c.position
		b, err := planBadge(context.Background(), s, path, spec)
		if err != nil {
			t.Fatal(err)
		}
		_, h := s.displaySize()
		if top := b.at.Y+b.patch.Rect.Dy()/2 < h/2; top != c.top {
			t.Errorf("%s at %s: badge at y=%d of %d, want top=%v", c.clip, c.position, b.at.Y, h, c.top)
		}
		if note := zoneNote(spec, s); (note != "") != (c.top && c.position == labeler.Auto) {
			t.Errorf("%s at %s: note %q", c.clip, c.position, note)
		}
	}
}

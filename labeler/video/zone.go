package video

import "github.com/belgi-kz/belgi/labeler"

// Players draw subtitles over the bottom of the frame, so a badge there
// would be hidden whenever someone speaks. With the automatic anchor the
// badge moves to the top-right of a video that carries subtitle streams;
// an anchor the user chose is kept.

// hasSubtitles reports whether the source carries subtitle streams.
func (s *source) hasSubtitles() bool {
	for _, st := range s.info.Streams {
		if st.CodecType == "subtitle" {
			return true
		}
	}
	return false
}

// anchored is spec with the automatic anchor resolved for this video.
func anchored(spec labeler.Spec, s *source) labeler.Spec {
	spec.Position = spec.Position.Resolve(s.hasSubtitles())
	return spec
}

// zoneNote tells the person when the badge moved for the subtitles.
func zoneNote(spec labeler.Spec, s *source) string {
	if spec.Position == labeler.Auto && s.hasSubtitles() {
		return "the video has subtitles: the badge sits at the top-right, clear of them"
	}
	return ""
}

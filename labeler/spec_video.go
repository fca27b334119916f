package labeler

// VideoSpec holds knobs only video has. Owned by the video kind; fields are
// added as it grows.
type VideoSpec struct{}

func defaultVideoSpec() VideoSpec { return VideoSpec{} }

func (v VideoSpec) validate() error { return nil }

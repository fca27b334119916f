package labeler

// AudioSpec holds knobs only audio (and a video's sound) has. Owned by the
// audio kind; fields are added as it grows.
type AudioSpec struct{}

func defaultAudioSpec() AudioSpec { return AudioSpec{} }

func (a AudioSpec) validate() error { return nil }

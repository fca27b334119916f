package labeler

// TextSpec holds knobs only text and documents have. Owned by the text
// kind; fields are added as it grows.
type TextSpec struct{}

func defaultTextSpec() TextSpec { return TextSpec{} }

func (t TextSpec) validate() error { return nil }

package labeler

// TextSpec holds knobs only text and documents have. Owned by the text
// kind; fields are added as it grows.
type TextSpec struct {
	// AtEnd repeats the notice at the end of plain text and Markdown, for
	// readers who jump to the end or excerpts cut from the bottom.
	AtEnd bool
	// PDFPages is "first" (stamp the first page) or "all".
	PDFPages string
	// CueSeconds is how long the subtitle notice cue shows, from 0.
	CueSeconds float64
}

// PDF page choices.
const (
	PDFFirst = "first"
	PDFAll   = "all"
)

// Three seconds is the upper end of the 2–3 s opening notice that
// DESIGN.md adopts for video; a subtitle notice reads in that time.
func defaultTextSpec() TextSpec { return TextSpec{PDFPages: PDFFirst, CueSeconds: 3} }

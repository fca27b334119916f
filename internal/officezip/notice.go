package officezip

// Notice is what a labeler writes into a document: the perceivable lines
// and the machine mark.
type Notice struct {
	Lines             []Line
	DigitalSourceType string // the IPTC NewsCode URI
	Record            string // Belgi's record, stored as a custom property
}

// Line is one line of the notice in one language.
type Line struct {
	Lang string // "kk", "ru", "en"
	Text string
}

// Found is what reading a document back gives.
type Found struct {
	DigitalSourceType string // the custom property, "" if absent
	Record            string // Belgi's record, "" if absent
	Notice            string // the notice paragraph's text, "" if it is not the body's first
}

// Names of the document's custom (user-defined) properties Belgi writes.
const (
	PropDST   = "DigitalSourceType"
	PropBelgi = "Belgi"
)

package audio

import (
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/provenance"
)

// layers are what every labeled audio file carries.
var layers = []string{labeler.LayerSpoken, labeler.LayerXMP}

// packet is the XMP packet for spec, merged into existing (may be nil).
func packet(spec labeler.Spec, existing []byte) ([]byte, error) {
	return provenance.Packet(existing, provenance.MarkFor(spec, layers))
}

// report builds an Inspect report from an XMP packet (nil: none found).
func report(format string, xmp []byte) labeler.Report {
	r := labeler.Report{Kind: labeler.KindAudio, Format: format}
	if xmp != nil {
		provenance.Read(xmp).Report(&r)
	}
	return r
}

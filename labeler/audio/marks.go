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

// aigcFor is the TC260 AIGC record the XMP packet carries when spec's
// profile asks for it (cn), ASCII-escaped for Latin-1 text frames; ""
// otherwise. The container's own copy (MP3 TXXX:AIGC, WAV AIGC chunk)
// is read from the packet so both state the same content number.
func aigcFor(spec labeler.Spec, xmp []byte) string {
	if p, err := labeler.LookupProfile(spec.Profile); err != nil || !p.TC260 {
		return ""
	}
	return provenance.ASCIIJSON(provenance.Read(xmp).TC260)
}

// txxxAIGC is where TC260's practice guide puts the record in MP3.
const txxxAIGC = "AIGC"

// damaged marks an error about the source itself (truncated, damaged, a
// codec no decoder reads) as found while decoding it.
func damaged(err error) error {
	return labeler.AtStage(labeler.StageDecode, err)
}

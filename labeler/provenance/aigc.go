package provenance

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf16"
)

// aigcRecord is the implicit label of GB 45438-2025 (annex E): seven
// fields, in this order, as TC260's practice guides spell them.
type aigcRecord struct {
	// Label is the certainty that the content is AI-generated or
	// -synthesised: "1" it is, "2" possibly, "3" suspected. Belgi knows,
	// so it is "1" for generated and modified content alike.
	Label string `json:"Label"`
	// ContentProducer names the generation service provider.
	ContentProducer string `json:"ContentProducer"`
	// ProduceID is the producer's number for this content.
	ProduceID string `json:"ProduceID"`
	// ReservedCode1 and ReservedCode2 carry the producer's and the
	// propagator's security data (TC260's protection guide); Belgi has
	// none to give.
	ReservedCode1 string `json:"ReservedCode1"`
	// ContentPropagator and PropagateID name the platform that spreads
	// the content and its number there; a platform fills them in.
	ContentPropagator string `json:"ContentPropagator"`
	PropagateID       string `json:"PropagateID"`
	ReservedCode2     string `json:"ReservedCode2"`
}

// AIGC is the TC260 AIGC JSON for m, the value of XMP TC260:AIGC and of
// the per-format AIGC fields (PNG text, MP3 TXXX, WAV chunk, MP4 key).
// The producer is the AI system's provider, or the system, or, when
// neither is known, the tool that labeled the file; the content number
// is the file's content ID.
func AIGC(m Mark) string {
	producer := m.AIProvider
	for _, alt := range []string{m.AISystem, m.Tool} {
		if producer == "" {
			producer = alt
		}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(aigcRecord{Label: "1", ContentProducer: producer, ProduceID: m.ContentID})
	return string(bytes.TrimSpace(b.Bytes()))
}

// NewContentID is a random (version 4) UUID: each labeled file's unique
// content ID.
func NewContentID() string {
	var u [16]byte
	_, _ = rand.Read(u[:])
	u[6] = u[6]&0x0f | 0x40
	u[8] = u[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}

// AIGCASCII is AIGC with every non-ASCII character escaped (\uXXXX), the
// same JSON for containers whose text is Latin-1 only (PNG tEXt).
func AIGCASCII(m Mark) string { return ASCIIJSON(AIGC(m)) }

// ASCIIJSON escapes every non-ASCII character of a JSON text as \uXXXX:
// the same value, readable where text is Latin-1 (PNG tEXt, ID3 TXXX).
func ASCIIJSON(json string) string {
	var b strings.Builder
	for _, r := range json {
		switch {
		case r < 0x80:
			b.WriteRune(r)
		case r > 0xFFFF:
			r1, r2 := utf16.EncodeRune(r)
			fmt.Fprintf(&b, `\u%04x\u%04x`, r1, r2)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	return b.String()
}

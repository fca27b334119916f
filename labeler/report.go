package labeler

import (
	"slices"
	"strings"
)

// Report is what Inspect (and Registry.Check) found in a file.
type Report struct {
	Kind   string `json:"kind"`
	Format string `json:"format,omitempty"`
	// Labeled: Belgi's marks are present and, when Check looked, the
	// perceivable label they record is in the content too.
	Labeled bool `json:"labeled"`
	// Layers found: the same names as Outcome.Layers.
	Layers []string `json:"layers,omitempty"`
	// DigitalSourceType is the first AI digital source type found, or
	// else the first of any kind; "" if none.
	DigitalSourceType string `json:"digital_source_type,omitempty"`
	// Provenance lists where AI provenance was found: "iptc-xmp", "c2pa",
	// "id3", "vorbis", "mp4", "matroska", "tc260", "belgi". A statement
	// that the content is not AI (a camera's digitalCapture) is a
	// Declaration but no Provenance.
	Provenance []string `json:"provenance,omitempty"`
	// Declarations are every statement of how the content was made, AI
	// or not.
	Declarations []Declaration `json:"declarations,omitempty"`
	// Perceivable says how Check confirmed the perceivable label Belgi's
	// record claims: PerceivableContent, PerceivableSigned,
	// PerceivableMissing or PerceivableUnchecked; "" without a record.
	Perceivable string `json:"perceivable,omitempty"`
	// Credentials is what validating the file's C2PA manifest store
	// found; nil when it carries none.
	Credentials *Credentials `json:"credentials,omitempty"`
	Warnings    []string     `json:"warnings,omitempty"`
	// Width and Height are the displayed size of a picture or video.
	Width  int `json:"width,omitempty"`
	Height int `json:"height,omitempty"`

	// C2PAManifest is the label of the active C2PA manifest, "" if none.
	C2PAManifest string `json:"c2pa_manifest,omitempty"`
}

// Where a digital source type was found, as Declaration.Where and
// Report.Provenance name it.
const (
	SourceXMP      = "iptc-xmp" // IPTC DigitalSourceType in XMP
	SourceC2PA     = "c2pa"     // an action of a C2PA manifest
	SourceID3      = "id3"      // an ID3 TXXX frame (MP3)
	SourceVorbis   = "vorbis"   // a Vorbis comment (FLAC, Ogg)
	SourceMP4      = "mp4"      // MP4/MOV metadata (ilst, udta)
	SourceMatroska = "matroska" // a Matroska/WebM tag
	SourceTC260    = "tc260"    // China's TC260 AIGC field
	SourceBelgi    = "belgi"    // Belgi's own record
)

// Declaration is one statement of how the content was made.
type Declaration struct {
	Where string `json:"where"`
	// Type is the digital source type as written (a URI or a code).
	Type string `json:"type"`
	// Signer names who signed it, for C2PA manifests.
	Signer string `json:"signer,omitempty"`
	// AI: the statement says generative AI made or changed the content
	// (IsAI of Type, or a field that says so in its own terms).
	AI bool `json:"ai"`
}

// AddDeclaration records a statement: every one goes to Declarations;
// AI ones also name their place in Provenance and set DigitalSourceType
// (an AI type replaces a non-AI one found before).
func (r *Report) AddDeclaration(s Declaration) {
	if strings.TrimSpace(s.Type) == "" {
		return
	}
	s.AI = s.AI || IsAI(s.Type)
	for _, have := range r.Declarations {
		if have.Where == s.Where && have.Type == s.Type {
			return
		}
	}
	r.Declarations = append(r.Declarations, s)
	if !s.AI {
		if r.DigitalSourceType == "" {
			r.DigitalSourceType = s.Type
		}
		return
	}
	if !IsAI(r.DigitalSourceType) && IsAI(s.Type) {
		r.DigitalSourceType = s.Type
	}
	r.addProvenance(s.Where)
}

func (r *Report) addProvenance(where string) {
	if !slices.Contains(r.Provenance, where) {
		r.Provenance = append(r.Provenance, where)
	}
}

// AIFound reports whether any AI provenance was found.
func (r *Report) AIFound() bool { return len(r.Provenance) > 0 }

// How Check confirmed the perceivable label (Report.Perceivable).
const (
	// PerceivableContent: found in the content itself (the label's
	// region in a picture, the spoken notice, the notice text).
	PerceivableContent = "content"
	// PerceivableSigned: Belgi's own C2PA manifest validly binds these
	// exact bytes, which Belgi signed only after labeling them.
	PerceivableSigned = "c2pa"
	// PerceivableMissing: the record claims a label the content lacks.
	PerceivableMissing = "missing"
	// PerceivableUnchecked: it could not be looked for (a tool missing, a
	// custom notice Belgi cannot recognise, a record too old to say
	// where the label is).
	PerceivableUnchecked = "unchecked"
)

// Warnings every report may share.
const (
	// WarnContentLacks: Belgi's record is there, the label is not.
	WarnContentLacks = "metadata claims a label the content lacks"
	// WarnAIUnlabeled is the mistake `check` exists to catch.
	WarnAIUnlabeled = "AI provenance found but no Belgi label: add a perceivable label before publishing"
)

// Finish adds the warnings every kind's report shares: AI provenance
// without a Belgi label, and Content Credentials that do not validate.
func (r *Report) Finish() {
	if r.Perceivable == PerceivableMissing {
		r.Labeled = false
		r.warnOnce(WarnContentLacks)
	}
	if !r.Labeled && r.AIFound() {
		r.warnOnce(WarnAIUnlabeled)
	}
	if c := r.Credentials; c != nil && c.State == StateInvalid {
		r.warnOnce("Content Credentials do not validate: " + strings.Join(c.Failures, ", "))
	}
}

func (r *Report) warnOnce(w string) {
	if !slices.Contains(r.Warnings, w) {
		r.Warnings = append(r.Warnings, w)
	}
}

// Involvement is the AI involvement the file's own provenance states:
// that of the first AI statement found (Belgi's record and the file's
// XMP, then the active manifest before its ingredients), "" without one.
func (r *Report) Involvement() Involvement {
	for _, s := range r.Declarations {
		switch SourceCode(s.Type) {
		case SourceCode(DSTComposite):
			return Modified
		case SourceCode(DSTTrained), "trainedAlgorithmicData":
			return Generated
		}
	}
	return ""
}

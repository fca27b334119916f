package labeler

import (
	"context"
	"image"
)

// Layer names, as results and the CLI's JSON report them.
const (
	LayerVisible = "visible" // a label drawn into the picture
	LayerSpoken  = "spoken"  // a spoken notice in the sound
	LayerNotice  = "notice"  // a text notice placed before the material
	LayerXMP     = "xmp"     // IPTC DigitalSourceType in XMP (or the container's tags)
	LayerC2PA    = "c2pa"    // C2PA Content Credentials
)

// Kind names, as Kind.Name, Result.Kind and Report.Kind give them.
const (
	KindImage    = "image"    // raster pictures
	KindAudio    = "audio"    // sound files
	KindVideo    = "video"    // video files
	KindText     = "text"     // plain text, Markdown, HTML, subtitles
	KindDocument = "document" // DOCX, ODT and PDF
)

// Kind labels one family of media. Implementations must be safe for
// concurrent use: a batch calls Label from several goroutines.
type Kind interface {
	// Name is the family, as reported to users: KindImage, KindAudio...
	Name() string
	// Extensions lists lower-case file extensions with the dot (".jpg").
	// They are consulted only when no kind recognises the magic bytes.
	Extensions() []string
	// Sniff reports whether the first bytes of a file (up to 4 KiB) are
	// unmistakably this kind's.
	Sniff(head []byte) bool
	// Label reads job.Input and writes the labeled copy to job.Temp. It
	// must never open job.Input for writing, and must return an error
	// rather than write an output it cannot read back. Its errors speak
	// of the content only, never naming the file: the core names it once
	// (FileError). An input found damaged or not of this kind is marked
	// AtStage(StageDecode, err).
	Label(ctx context.Context, job Job) (Outcome, error)
	// Inspect reads any file of this kind and reports the marks it
	// carries. Its errors, like Label's, do not name the file.
	Inspect(ctx context.Context, path string) (Report, error)
}

// Previewer is an optional ability of a Kind: it draws what the labeled
// output will look like, at most max pixels on its longer side.
type Previewer interface {
	Preview(ctx context.Context, path string, spec Spec, max int) (image.Image, error)
}

// Retargeter is an optional ability of a Kind whose output for some
// inputs is another format (a BMP, which cannot carry marks, becomes a
// PNG): OutputExt returns the new extension, or "" to keep the input's.
type Retargeter interface {
	OutputExt(head []byte) string
}

// Finisher is a last step the registry runs after a kind has written
// its output and before the output is read back, for a layer that signs
// the bytes as published (Content Credentials). It must be safe for
// concurrent use, and return errors about content only.
type Finisher interface {
	Finish(ctx context.Context, job Job, out Outcome) (Outcome, error)
}

// finishing is a Kind whose Label ends with a Finisher's step.
type finishing struct {
	Kind
	f Finisher
}

func (k finishing) Label(ctx context.Context, job Job) (Outcome, error) {
	out, err := k.Kind.Label(ctx, job)
	if err != nil || ctx.Err() != nil {
		return out, err
	}
	return k.f.Finish(ctx, job, out)
}

// Job is one file to label.
type Job struct {
	Input  string // the original; read only
	Output string // the final name, for messages and relative choices
	Temp   string // where Label writes; same folder and extension as Output
	Spec   Spec
	// Progress reports the fraction done, 0..1. Never nil.
	Progress func(fraction float64)
}

// Outcome is what a Kind reports after writing an output.
type Outcome struct {
	Layers []string // layers applied, e.g. visible, xmp
	Notes  []string // remarks worth a person's attention
	// LabelArea is the share of the displayed frame (%) the label's box
	// covers, for pictures and video; 0 for other kinds.
	LabelArea float64
	// C2PAManifest is the label of the C2PA manifest the finisher signed
	// into the output (or its sidecar) and read back; "" when none.
	C2PAManifest string
	// Companions are files written beside the output (a C2PA sidecar),
	// each as a temporary file that the core publishes with the output:
	// renamed into place right after it, removed when the output fails.
	Companions []Companion
	// Check, when set, is the kind's own read-back of the output, run by
	// the core once the output is final: after the finisher has written
	// its marks, so that the kind's look at the file and the core's
	// (Inspect) read the same version of it, and a reader such as
	// ffprobe is asked once, not once before the marks and once after.
	Check func(ctx context.Context) error
}

// Companion is one file published with an output.
type Companion struct {
	Temp, Final string
}

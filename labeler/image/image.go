package image

import (
	"context"
	"fmt"
	"image"
	"os"
	"path/filepath"

	"github.com/belgi-kz/belgi/internal/meta"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/provenance"
	"github.com/belgi-kz/belgi/labeler/render"
)

// Kind labels raster pictures. Make it with New. Content Credentials
// are added after Label, by the registry's finisher.
type Kind struct{}

// New returns the image kind.
func New() Kind { return Kind{} }

// Name implements labeler.Kind.
func (Kind) Name() string { return labeler.KindImage }

// Extensions implements labeler.Kind.
func (Kind) Extensions() []string {
	return []string{".jpg", ".jpeg", ".jpe", ".jfif", ".png", ".gif", ".webp", ".tif", ".tiff", ".bmp",
		".heic", ".heif", ".hif", ".avif", ".avifs", ".mpo"}
}

// Sniff implements labeler.Kind. Formats Belgi recognises but cannot
// decode are claimed too, so that their refusal names them.
func (Kind) Sniff(head []byte) bool {
	_, ok := sniffFormat(head)
	_, known := refusedFormat(head)
	return ok || known
}

// OutputExt implements labeler.Retargeter: BMP has nowhere to keep
// machine-readable marks, so a BMP is written as PNG (also lossless);
// HEIC and AVIF are written as JPEG.
func (Kind) OutputExt(head []byte) string {
	switch f, _ := sniffFormat(head); f {
	case fmtBMP:
		if _, g, ok := bmpEmbedded(head); ok && g == fmtJPEG {
			return ".jpg"
		}
		return ".png"
	case fmtHEIF, fmtAVIF:
		return ".jpg"
	}
	return ""
}

// source is a decoded picture and what its container carried.
type source struct {
	name        string
	data        []byte
	format      format
	notes       []string // what the output will not carry of the source
	img         image.Image
	orientation int
	// region is where the label was drawn (the first frame's, for a GIF).
	region   *provenance.Region
	animated bool // an animated WebP: labeled frame by frame, not decoded here
	// verify proves a JPEG output whole for the read-back when the
	// labeler knows a cheaper way than decoding it all (see
	// jpegcoef.Picture.Verify); nil means checkJPEGStructure.
	verify func(out []byte) error
	// release hands the labeler's buffers back once verify is done.
	release func()
}

// Label implements labeler.Kind.
func (k Kind) Label(ctx context.Context, job labeler.Job) (labeler.Outcome, error) {
	src, err := load(job.Input, job.Spec.Image.MaxMegapixels)
	if err != nil {
		return labeler.Outcome{}, err
	}
	job.Progress(0.3)
	var out []byte
	var notes []string
	var area float64
	layers := []string{labeler.LayerVisible, labeler.LayerXMP}
	mark := provenance.MarkFor(job.Spec, layers)
	var xnotes []string
	xmp := func(existing []byte) ([]byte, error) {
		clean, n, _ := meta.StripXMPPictures(existing)
		xnotes = append(xnotes, n...)
		m := mark
		m.Region = src.region
		return provenance.Packet(clean, m)
	}
	switch {
	case src.format == fmtGIF:
		out, notes, area, err = labelGIF(src, job.Spec, xmp)
	case src.format == fmtJPEG:
		out, notes, area, err = labelJPEG(src, job.Spec, xmp)
		if err == nil {
			out, notes, err = addViews(out, notes, src, job.Spec, xmp)
		}
	case src.animated:
		out, notes, area, err = labelWebPAnimation(src, job.Spec, xmp)
	default:
		out, notes, area, err = labelStill(src, job.Spec, xmp)
	}
	if err == nil && mark.TC260 && (src.format == fmtPNG || src.format == fmtBMP) {
		out, err = meta.SetPNGText(out, "AIGC", provenance.AIGCASCII(mark)) // TC260's place for it in PNG
	}
	if err != nil {
		return labeler.Outcome{}, fmt.Errorf("image: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return labeler.Outcome{}, err
	}
	job.Progress(0.8)
	err = readBack(out, src)
	if src.release != nil {
		src.release()
	}
	if err != nil {
		return labeler.Outcome{}, fmt.Errorf("image: the labeled copy does not read back: %w", err)
	}
	if err := os.WriteFile(job.Temp, out, 0o644); err != nil {
		return labeler.Outcome{}, labeler.AtStage(labeler.StageWrite, fmt.Errorf("image: %w", err))
	}
	return labeler.Outcome{Layers: layers, Notes: dedupe(append(append(src.notes, notes...), xnotes...)), LabelArea: area}, nil
}

// load reads and decodes a picture, refusing oversized ones from the
// header before any pixel is decoded. GIFs decode frame by frame and
// JPEGs only where the label goes, so neither is decoded here.
func load(path string, maxMP float64) (*source, error) {
	src, _, err := open(path, maxMP)
	if err != nil || src.format == fmtGIF || src.format == fmtJPEG || src.animated {
		return src, err
	}
	if src.img, err = decode(src.format, src.data); err != nil {
		return nil, labeler.AtStage(labeler.StageDecode, fmt.Errorf("image: %s (%w)", damage(err), err))
	}
	return src, nil
}

// open reads a picture and its header, and refuses it when the header
// declares more than maxMP megapixels; no pixel is decoded yet, so each
// caller can choose how to decode. Its errors are marked StageDecode.
func open(path string, maxMP float64) (*source, image.Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, image.Config{}, labeler.AtStage(labeler.StageDecode, fmt.Errorf("image: %w", err))
	}
	f, ok := sniffFormat(data)
	if what, known := refusedFormat(data); known {
		return nil, image.Config{}, labeler.AtStage(labeler.StageDecode, fmt.Errorf("image: %s, which Belgi cannot decode yet: export it as JPEG or PNG first", what))
	}
	if !ok {
		return nil, image.Config{}, notAPicture(data)
	}
	if raw := rawCamera(path, data); raw != "" {
		return nil, image.Config{}, labeler.AtStage(labeler.StageDecode, fmt.Errorf("image: a camera raw file (%s): develop it to JPEG or TIFF first", raw))
	}
	data, f, notes := unwrapBMP(data, f)
	if f == fmtJPEG {
		var more []string
		if data, more, err = resolveDNL(data); err != nil {
			return nil, image.Config{}, labeler.AtStage(labeler.StageDecode, fmt.Errorf("image: %w", err))
		}
		notes = append(notes, more...)
		more, err = jpegSourceNotes(data)
		if notes = append(notes, more...); err != nil {
			return nil, image.Config{}, labeler.AtStage(labeler.StageDecode, fmt.Errorf("image: %w", err))
		}
	}
	cfg, err := decodeConfig(f, data)
	if err != nil {
		if v := jpegVariant(f, data); v != nil {
			err = v // names what Belgi cannot decode (arithmetic coding, 12-bit...)
		}
		return nil, cfg, labeler.AtStage(labeler.StageDecode, fmt.Errorf("image: %s (%w)", damage(err), err))
	}
	frames, animated := 1, false
	switch f {
	case fmtGIF:
		frames = countGIFFrames(data)
	case fmtWebP:
		frames, animated = webpFrames(data)
	}
	if err := checkSize(cfg, frames, maxMP); err != nil {
		return nil, cfg, labeler.AtStage(labeler.StageDecode, fmt.Errorf("image: %w", err))
	}
	return &source{name: filepath.Base(path), data: data, format: f, orientation: orientationOf(f, data), notes: notes, animated: animated}, cfg, nil
}

// notAPicture is the error for data no image decoder here knows.
func notAPicture(data []byte) error {
	return labeler.AtStage(labeler.StageDecode, fmt.Errorf("image: not a picture Belgi can read (%s)", describe(data)))
}

// labelPicture draws the label on one picture (a still or a frame) whose
// stored pixels are shown turned by orientation.
// It also returns the label's region, recorded for `check`.
func labelPicture(img image.Image, spec labeler.Spec, orientation int) (image.Image, render.Layout, *provenance.Region, error) {
	b := img.Bounds()
	l, at, err := planLabel(spec, b.Dx(), b.Dy(), orientation)
	if err != nil {
		return nil, l, nil, err
	}
	at = at.Add(b.Min)
	patch, err := labelPatch(img, l, at, orientation)
	if err != nil {
		return nil, l, nil, err
	}
	region := provenance.RegionOf(patch, at.Min.Sub(b.Min), b.Dx(), b.Dy())
	return composite(img, patch, at.Min), l, &region, nil
}

// Inspect implements labeler.Kind.
func (Kind) Inspect(ctx context.Context, path string) (labeler.Report, error) {
	data, err := inspected(path)
	if err != nil {
		return labeler.Report{}, fmt.Errorf("image: %w", err)
	}
	return report(data)
}

// report is what Inspect says of a picture's bytes (for a JPEG, its
// header segments are enough).
func report(data []byte) (labeler.Report, error) {
	f, ok := sniffFormat(data)
	if !ok {
		return labeler.Report{}, notAPicture(data)
	}
	rep := labeler.Report{Kind: labeler.KindImage, Format: string(f)}
	if cfg, err := decodeConfig(f, data); err == nil {
		rep.Width, rep.Height = render.DisplaySize(cfg.Width, cfg.Height, orientationOf(f, data))
	} else {
		rep.Warnings = append(rep.Warnings, "the picture's header does not decode: "+err.Error())
	}
	xmp, _ := meta.ReadXMP(data)
	provenance.Read(xmp).Report(&rep)
	return rep, nil // Content Credentials: the registry's examiner
}

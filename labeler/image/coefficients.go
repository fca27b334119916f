package image

import (
	"errors"
	"fmt"
	"image"

	"github.com/belgi-kz/belgi/internal/jpegcoef"
	"github.com/belgi-kz/belgi/internal/jpegscale"
	"github.com/belgi-kz/belgi/internal/meta"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/provenance"
	"github.com/belgi-kz/belgi/labeler/render"
	xdraw "golang.org/x/image/draw"
)

// labelJPEG labels a JPEG without generation loss where it can: only the
// blocks under the label are decoded, blended and quantised again with
// the source's own tables, and every other block keeps its exact
// coefficients (see internal/jpegcoef). Files that path cannot rewrite
// (arithmetic coding, 12-bit, lossless, hierarchical, damaged data), and
// a forced quality, are decoded and re-encoded in full as before, and
// the notes say why.
func labelJPEG(src *source, spec labeler.Spec, xmp packetFn) ([]byte, []string, float64, error) {
	var notes []string
	var why *jpegcoef.Error
	if spec.Image.JPEGQuality == 0 {
		out, n, area, err := labelCoefficients(src, spec, xmp)
		if !errors.As(err, &why) {
			return out, n, area, err
		}
		notes = append(notes, "JPEG decoded and re-encoded in full, one more generation of JPEG loss over the whole picture: "+why.What)
	}
	img, err := decode(fmtJPEG, src.data)
	if err != nil {
		if why != nil && errors.Is(why, jpegcoef.ErrUnsupported) {
			err = why
		}
		return nil, nil, 0, labeler.AtStage(labeler.StageDecode, fmt.Errorf("%s (%w)", damage(err), err))
	}
	src.img = img
	out, n, area, err := labelStill(src, spec, xmp)
	return out, append(notes, n...), area, err
}

// labelCoefficients is the lossless path: plan the label from the size
// alone, decode the MCUs under it, draw, and splice them back.
func labelCoefficients(src *source, spec labeler.Spec, xmp packetFn) ([]byte, []string, float64, error) {
	info, err := meta.ParseJPEG(src.data)
	if err != nil {
		return nil, nil, 0, err
	}
	pic, err := jpegcoef.Open(src.data)
	if err != nil {
		return nil, nil, 0, err
	}
	b := pic.Bounds()
	l, at, err := planLabel(spec, b.Dx(), b.Dy(), src.orientation)
	if err != nil {
		return nil, nil, 0, err
	}
	reg, err := pic.Decode(at)
	if err != nil {
		return nil, nil, 0, err
	}
	patch, err := labelPatch(reg.Image, l, at, src.orientation)
	if err != nil {
		return nil, nil, 0, err
	}
	region := provenance.RegionOf(patch, at.Min.Sub(b.Min), b.Dx(), b.Dy())
	src.region = &region // recorded in the XMP, for check to find in the pixels
	// The region's images are Y'CbCr, gray, RGBA or CMYK, which
	// compositeIn draws on; a streaming region draws as Encode writes.
	reg.Blend(patch, at.Min, func(img image.Image, clip image.Rectangle) { compositeIn(img, patch, at.Min, clip) })
	frame, err := pic.Encode(reg)
	if err != nil {
		return nil, nil, 0, err
	}
	info.SameCoding = true
	thumb := &thumbnailer{load: func() (image.Image, error) { return labeledThumb(pic, frame, info) }}
	out, more, err := finishJPEG(info, frame, thumb, xmp)
	jpegcoef.Recycle(frame) // out has it now
	if err == nil {
		src.verify = pic.Verify
		src.release = pic.Release
	}
	return out, append(append(l.Notes(), pic.Notes()...), more...), l.Area(), err
}

// labeledThumb is the labeled picture at its EXIF thumbnail's size,
// scaled with a filter from the 1/8 picture the splicer's DC terms make
// (no further pass over the file), or, for pictures whose 1/8 is smaller
// than a thumbnail, from the small output decoded in full.
func labeledThumb(pic *jpegcoef.Picture, frame []byte, info *meta.JPEGInfo) (image.Image, error) {
	b := pic.Bounds()
	var src image.Image
	var err error
	if max(b.Dx(), b.Dy()) < 8*thumbSide {
		src, err = decode(fmtJPEG, withColourSegments(frame, info))
	} else {
		var dc [][]int32
		if dc, err = pic.DC(); err == nil {
			src, err = jpegscale.Eighth(pic.File(), dc)
		}
	}
	if err != nil {
		return nil, err
	}
	w, h := render.FitWithin(b.Dx(), b.Dy(), thumbSide)
	out := image.NewRGBA(image.Rect(0, 0, w, h))
	xdraw.BiLinear.Scale(out, out.Rect, src, src.Bounds(), xdraw.Src, nil)
	return out, nil
}

// withColourSegments puts the source's JFIF and Adobe segments, which
// say how components map to colour, into a frame that lacks them.
func withColourSegments(frame []byte, info *meta.JPEGInfo) []byte {
	data := append([]byte{}, frame[:2]...)
	for _, s := range info.Segments {
		if s.Marker == 0xE0 || s.Marker == 0xEE {
			data = append(data, 0xFF, s.Marker, byte((len(s.Data)+2)>>8), byte(len(s.Data)+2))
			data = append(data, s.Data...)
		}
	}
	return append(data, frame[2:]...)
}

// jpegVariant is jpegcoef's error naming a JPEG variant Belgi does not
// decode (arithmetic coding, 12-bit samples, lossless, hierarchical), or
// nil.
func jpegVariant(f format, data []byte) error {
	if f != fmtJPEG {
		return nil
	}
	if _, err := jpegcoef.Parse(data); errors.Is(err, jpegcoef.ErrUnsupported) {
		return err
	}
	return nil
}

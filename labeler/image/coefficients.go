package image

import (
	"errors"
	"fmt"
	"image"

	"github.com/belgi-kz/belgi/internal/jpegcoef"
	"github.com/belgi-kz/belgi/internal/jpegscale"
	"github.com/belgi-kz/belgi/internal/meta"
	"github.com/belgi-kz/belgi/labeler"
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
	if spec.Image.JPEGQuality == 0 {
		out, n, err := labelCoefficients(src, spec, xmp)
		var why *jpegcoef.Error
		if !errors.As(err, &why) {
			return out, n, labelArea(src, spec), err
		}
		notes = append(notes, "JPEG decoded and re-encoded in full, one more generation of JPEG loss over the whole picture: "+why.What)
	}
	img, err := decode(fmtJPEG, src.data)
	if err != nil {
		return nil, nil, 0, labeler.AtStage(labeler.StageDecode, fmt.Errorf("%s (%w)", damage(err), err))
	}
	src.img = img
	out, n, area, err := labelStill(src, spec, xmp)
	return out, append(notes, n...), area, err
}

// labelArea is the share of the picture (%) the label covers.
func labelArea(src *source, spec labeler.Spec) float64 {
	cfg, err := decodeConfig(fmtJPEG, src.data)
	if err != nil {
		return 0
	}
	l, _, err := planLabel(spec, cfg.Width, cfg.Height, src.orientation)
	if err != nil {
		return 0
	}
	return l.Area()
}

// labelCoefficients is the lossless path: plan the label from the size
// alone, decode the MCUs under it, draw, and splice them back.
func labelCoefficients(src *source, spec labeler.Spec, xmp packetFn) ([]byte, []string, error) {
	info, err := meta.ParseJPEG(src.data)
	if err != nil {
		return nil, nil, err
	}
	pic, err := jpegcoef.Open(src.data)
	if err != nil {
		return nil, nil, err
	}
	b := pic.Bounds()
	l, at, err := planLabel(spec, b.Dx(), b.Dy(), src.orientation)
	if err != nil {
		return nil, nil, err
	}
	reg, err := pic.Decode(at)
	if err != nil {
		return nil, nil, err
	}
	patch, err := labelPatch(reg.Image, l, at, src.orientation)
	if err != nil {
		return nil, nil, err
	}
	drawn := true
	reg.Blend(patch, at.Min, func(img image.Image, clip image.Rectangle) {
		drawn = drawn && compositeIn(img, patch, at.Min, clip)
	})
	if !drawn {
		return nil, nil, fmt.Errorf("cannot draw on the region's %T", reg.Image)
	}
	frame, err := pic.Encode(reg)
	if err != nil {
		return nil, nil, err
	}
	info.SameCoding = true
	thumb := func(max int) ([]byte, error) {
		small, err := labeledEighth(pic)
		if err != nil {
			return nil, err
		}
		return thumbOf(small)(max)
	}
	out, more, err := finishJPEG(info, frame, thumb, xmp)
	return out, append(append(l.Notes(), pic.Notes()...), more...), err
}

// labeledEighth is the labeled picture at 1/8 scale, for its EXIF
// thumbnail, made from the DC terms the splicer read and wrote: no
// further pass over the picture.
func labeledEighth(pic *jpegcoef.Picture) (image.Image, error) {
	dc, err := pic.DC()
	if err != nil {
		return nil, err
	}
	return jpegscale.Eighth(pic.File(), dc)
}

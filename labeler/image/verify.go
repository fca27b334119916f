package image

import (
	"context"
	"fmt"
	"os"

	"github.com/belgi-kz/belgi/internal/meta"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/provenance"
)

// VerifyLabel implements labeler.LabelVerifier: the picture (a GIF's
// first frame) must show, where Belgi's record says, something that
// looks like the label the record describes. A record copied onto
// another picture, or a label cropped or painted over, does not.
func (Kind) VerifyLabel(ctx context.Context, path string, _ labeler.Report) (bool, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return false, err
	}
	f, ok := sniffFormat(data)
	if !ok {
		return false, fmt.Errorf("%w: not a picture Belgi decodes", labeler.ErrCannotVerify)
	}
	xmp, _ := meta.ReadXMP(data)
	region := provenance.Read(xmp).Region
	if region == nil {
		return false, fmt.Errorf("%w: the record does not say where the label is (labeled by an older Belgi)", labeler.ErrCannotVerify)
	}
	if err := ctx.Err(); err != nil {
		return false, err
	}
	cfg, err := decodeConfig(f, data)
	if err == nil {
		err = checkSize(cfg, 1, 0)
	}
	if err != nil {
		return false, fmt.Errorf("%w: %v", labeler.ErrCannotVerify, err)
	}
	pic, err := decode(f, data)
	if err != nil {
		return false, nil // a picture that does not decode shows no label
	}
	ok, _ = region.Matches(pic)
	return ok, nil
}

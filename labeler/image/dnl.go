package image

import (
	"fmt"

	"github.com/belgi-kz/belgi/internal/meta"
)

// resolveDNL gives a JPEG whose height is stated only by a DNL marker
// its height in the frame header, so that every decoder (and the
// labeled copy's readers) can read it.
func resolveDNL(data []byte) ([]byte, []string, error) {
	out, changed, err := meta.ResolveDNL(data)
	if err != nil {
		return nil, nil, fmt.Errorf("the picture declares no height: %w", err)
	}
	if !changed {
		return data, nil, nil
	}
	return out, []string{"the source states its height only in a DNL marker, which most readers (libjpeg, ImageMagick) refuse: the labeled copy states it in the frame header"}, nil
}

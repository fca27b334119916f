package image

import (
	"errors"
	"fmt"

	"github.com/belgi-kz/belgi/internal/meta"
)

// jpegSourceNotes walks a source JPEG by its structure before any pixel
// is decoded. A file cut short is refused with where it ends; what the
// output will not carry (MPF images, a motion photo's video, stray
// bytes) is named, so nothing is dropped silently.
func jpegSourceNotes(data []byte) ([]string, error) {
	f, err := meta.WalkJPEG(data)
	if errors.Is(err, meta.ErrJPEGTruncated) {
		return nil, fmt.Errorf("the JPEG is cut short (%w); label a complete copy", err)
	}
	if err != nil {
		return nil, fmt.Errorf("the JPEG's structure is damaged (%w)", err)
	}
	var notes []string
	if len(f.Stray) > 0 {
		notes = append(notes, fmt.Sprintf("%d place(s) with stray bytes between the source's segments (first at byte %d) skipped, as JPEG readers do", len(f.Stray), f.Stray[0]))
	}
	trailing := len(f.Trailing(data))
	if trailing == 0 {
		return notes, nil
	}
	info, err := meta.ParseJPEG(data)
	if err != nil {
		return nil, err
	}
	_, kept := mpfViews(data)
	for i, m := range info.MPF() {
		if i == 0 || m.Size == 0 {
			continue
		}
		if !kept {
			notes = append(notes, fmt.Sprintf("MPF image %d (%s) dropped: it would show the picture without its label", i+1, m.Describe()))
		}
		trailing -= int(m.Size)
	}
	if trailing > 0 {
		notes = append(notes, fmt.Sprintf("%d bytes after the end of the picture dropped (a motion photo's video, a maker's trailer or other appended data): they are not part of the labeled picture", trailing))
	}
	return notes, nil
}

package image

import (
	"fmt"
	"slices"
	"strings"

	"github.com/belgi-kz/belgi/internal/meta"
	"github.com/belgi-kz/belgi/labeler"
)

// shownMPF reports whether an MPF image shows the scene (another view of
// a stereo pair, panorama or multi-angle shot, or a large preview), so
// that it is labeled and kept. Gain maps, depth maps and images of
// unknown type are not pictures to label: with them the file's extra
// images are all dropped, as before.
func shownMPF(m meta.MPImage) bool {
	switch m.Type & 0xFFFFFF {
	case 0x010001, 0x010002, 0x020001, 0x020002, 0x020003:
		return true
	}
	return false
}

// mpfViews is the source's multi-picture layout when every image after
// the first shows the scene.
func mpfViews(data []byte) (*meta.MPFile, bool) {
	mp, ok, err := meta.SplitMPF(data)
	if err != nil || !ok {
		return nil, false
	}
	for _, im := range mp.Images[1:] {
		if !shownMPF(im) {
			return nil, false
		}
	}
	return mp, true
}

// addViews labels each further view of a multi-picture source and writes
// them after the labeled primary, with the source's MP index set to
// their new sizes and places. (The C2PA finisher moves the offsets again
// when it inserts its segments.) notes are the primary's; the writer's
// note that the index was dropped no longer holds and is taken out.
func addViews(primary []byte, notes []string, src *source, spec labeler.Spec, xmp packetFn) ([]byte, []string, error) {
	mp, ok := mpfViews(src.data)
	if !ok {
		return primary, notes, nil
	}
	notes = slices.DeleteFunc(slices.Clone(notes), func(n string) bool { return strings.HasPrefix(n, "MPF index dropped") })
	var parts [][]byte
	var kinds []string
	for i, part := range mp.Parts {
		out, more, err := labelView(part, spec, xmp)
		if err != nil {
			return nil, nil, fmt.Errorf("MPF image %d: %w", i+2, err)
		}
		parts, kinds = append(parts, out), append(kinds, mp.Images[i+1].Describe())
		notes = append(notes, more...)
	}
	out, err := meta.JoinMPF(primary, mp.Index, parts)
	return out, append(notes, fmt.Sprintf("MPF image(s) labeled too: %s", strings.Join(kinds, ", "))), err
}

// labelView labels one further image of a multi-picture file as a JPEG
// of its own, the way the first is labeled (in the coefficient domain
// where it can), keeping its MP attributes (stereo base line, viewpoint).
func labelView(data []byte, spec labeler.Spec, xmp packetFn) ([]byte, []string, error) {
	cfg, err := decodeConfig(fmtJPEG, data)
	if err != nil {
		return nil, nil, err
	}
	if err := checkSize(cfg, 1, spec.Image.MaxMegapixels); err != nil {
		return nil, nil, err
	}
	view := &source{data: data, format: fmtJPEG, orientation: orientationOf(fmtJPEG, data)}
	out, notes, _, err := labelJPEG(view, spec, xmp)
	notes = slices.DeleteFunc(notes, func(n string) bool { return strings.HasPrefix(n, "MPF index dropped") })
	if attr := meta.MPFPayload(data); attr != nil && err == nil {
		out, err = meta.InsertMPF(out, attr)
	}
	return out, notes, err
}

// checkJPEGParts checks a labeled JPEG and, in a multi-picture file,
// each image its MP index names, which must fill the file exactly.
func checkJPEGParts(data []byte, primary func([]byte) error) error {
	mp, ok, err := meta.SplitMPF(data)
	if err != nil || !ok {
		return primary(data)
	}
	end := int(mp.Images[0].Size)
	if end > len(data) {
		return fmt.Errorf("MP index gives the first image %d bytes, the file has %d", end, len(data))
	}
	if err := primary(data[:end]); err != nil {
		return err
	}
	for i, p := range mp.Parts {
		if err := checkJPEGStructure(p); err != nil {
			return fmt.Errorf("MPF image %d: %w", i+2, err)
		}
		end += len(p)
	}
	if end != len(data) {
		return fmt.Errorf("the MP index accounts for %d of %d bytes", end, len(data))
	}
	return nil
}

package video

import (
	"os"

	"github.com/belgi-kz/belgi/internal/bmff"
)

// sourceXMP is the XMP an MP4/MOV input already carries (the top-level
// uuid box, or QuickTime's udta/XMP_), to be merged.
func sourceXMP(path string) []byte {
	f, m, err := bmff.OpenFile(path, os.O_RDONLY)
	if err != nil {
		return nil
	}
	defer f.Close()
	if x, _ := m.XMP(f); x != nil {
		return x
	}
	return m.QuickTimeXMP()
}

// finishMP4 gives an MP4/MOV copy what ffmpeg can't write: the source's
// track matrix (ffmpeg 5.1 drops a filtered stream's rotation), its
// movie-level metadata boxes exactly (udta, meta: GPS, make and model,
// Apple and Android keys, QuickTime XMP kept in step with Belgi's; the
// unlabeled thumbnail left out), and the XMP uuid box.
func finishMP4(p *plan) error {
	if p.src.rotation != 0 {
		if err := copyMatrix(p.input, p.src.vIndex, p.output); err != nil {
			return err
		}
	}
	if family(p.src.container) == "mp4" {
		// The cn profile's AIGC key is in the udta/meta ffmpeg wrote.
		c := bmff.Carry{XMP: p.packet, Drop: thumbnails, Tracks: map[int]int{}, OwnMeta: p.aigc}
		for k, o := range p.streams {
			if o.src >= 0 && o.label != "chapters" {
				c.Tracks[k] = o.src
			}
		}
		if err := bmff.CarryMetadata(p.input, p.output, c); err != nil {
			return err
		}
	}
	return bmff.Append(p.output, bmff.MakeUUID(bmff.XMPUUID, p.packet))
}

// thumbnails are udta boxes holding a still of the unlabeled picture.
var thumbnails = []string{"thmb", "THMB", "SNAL", "PANA"}

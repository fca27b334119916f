package video

import (
	"context"
	"fmt"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/internal/nal"
)

// HEVC: x265 numbers its parameter sets 0, as nearly every encoder does,
// and has no option to do otherwise. So each new segment's VPS, SPS and
// PPS are renumbered above the ids already taken and its slices are
// rewritten to name the new PPS (internal/nal); x265 is kept from the
// few tools the rewrite does not follow (wavefronts, weighted
// prediction). The copied part starts at an IDR, or at a CRA that no
// skipped leading picture follows. No end-of-sequence NAL unit is put
// before it: ffmpeg 5.1's decoder drops the pictures still waiting for
// output when it meets one, and decodes the change of SPS at the CRA
// correctly without it (the smart-render tests count every frame).

// hevcSetup reads the source's hvcC.
func (s *smart) hevcSetup() string {
	if hevcProfile(s.vd.Profile) == "" {
		return "the HEVC profile " + s.vd.Profile + " can't be matched"
	}
	c, err := nal.ParseHVCC(s.vd.Extradata)
	if err != nil {
		return "the HEVC set-up is not an hvcC record"
	}
	if _, err := c.UsedIDs(); err != nil {
		return "the HEVC parameter sets are unreadable"
	}
	s.lengthSize = c.LengthSize
	return ""
}

// hevcProfile maps ffprobe's HEVC profile to x265's name for it.
func hevcProfile(p string) string {
	return map[string]string{"Main": "main", "Main 10": "main10"}[p]
}

// x265Params pins x265 to what the renumbering follows, and to the
// source's level.
func (s *smart) x265Params() string {
	p := "wpp=0:weightp=0:weightb=0:repeat-headers=0"
	if s.vd.Level > 0 {
		p += ":level-idc=" + hevcLevel(s.vd.Level)
	}
	return p
}

// mergeHEVC renumbers each new segment above the ids taken before it,
// rewrites its samples, and returns one hvcC with every segment's sets.
func (s *smart) mergeHEVC(ctx context.Context, segs []segment) ([]byte, error) {
	src, err := nal.ParseHVCC(s.vd.Extradata)
	if err != nil {
		return nil, err
	}
	recs := []nal.HVCC{src}
	for _, seg := range segs {
		r, err := s.renumberSegment(ctx, seg.path, recs)
		if err != nil {
			return nil, err
		}
		recs = append(recs, r)
	}
	m, err := nal.MergeHVCC(recs...)
	return m.Bytes(), err
}

// renumberSegment rewrites one segment's ids above those of recs.
func (s *smart) renumberSegment(ctx context.Context, path string, recs []nal.HVCC) (nal.HVCC, error) {
	d, err := ffmpeg.StreamDetail(ctx, path, 0)
	if err != nil {
		return nal.HVCC{}, err
	}
	own, err := nal.ParseHVCC(d.Extradata)
	if err != nil {
		return nal.HVCC{}, err
	}
	var used [3][]uint
	for _, r := range recs {
		ids, err := r.UsedIDs()
		if err != nil {
			return nal.HVCC{}, err
		}
		for k := range used {
			used[k] = append(used[k], ids[k]...)
		}
	}
	var params [][]byte
	for _, typ := range []int{32, 33, 34} {
		params = append(params, own.Units(typ)...)
	}
	n, err := nal.NewRenumber(params, used)
	if err != nil {
		return nal.HVCC{}, err
	}
	renumbered, err := n.Record(own)
	if err != nil {
		return nal.HVCC{}, err
	}
	err = rewriteSamples(path, "hvcC", func(_ int, b []byte) ([]byte, error) {
		return n.Sample(b, own.LengthSize)
	}, func([]byte) ([]byte, error) { return renumbered.Bytes(), nil })
	if err != nil {
		return nal.HVCC{}, fmt.Errorf("renumbering HEVC: %w", err)
	}
	return renumbered, nil
}

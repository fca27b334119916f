package nal

import "errors"

// VideoSignal is how an HEVC stream says its samples are to be read: the
// VUI's video signal type (H.265 E.2.1). Without one, the standard's
// defaults hold: limited range, matrix unspecified (2).
type VideoSignal struct {
	FullRange bool
	Matrix    int // matrix_coeffs: 1 BT.709, 5 and 6 BT.601, 9 BT.2020, 2 unspecified
}

// HEVCVideoSignal reads the video signal type from the first SPS of an
// hvcC record (a HEIC tile's decoder configuration).
func HEVCVideoSignal(hvcc []byte) (VideoSignal, error) {
	c, err := ParseHVCC(hvcc)
	if err != nil {
		return VideoSignal{}, err
	}
	for _, a := range c.Arrays {
		for _, u := range a.Units {
			if HEVCType(u) != hevcSPS {
				continue
			}
			ps, err := parseParamSet(u)
			if err != nil {
				return VideoSignal{}, err
			}
			return readVideoSignal(&reader{b: ps.rbsp, pos: ps.sps.vuiAt})
		}
	}
	return VideoSignal{}, errors.New("nal: hvcC holds no SPS")
}

// readVideoSignal reads the VUI's start, up to the colour description.
func readVideoSignal(r *reader) (VideoSignal, error) {
	sig := VideoSignal{Matrix: 2}
	var e errs
	e.flag(r) // strong_intra_smoothing_enabled_flag
	if !e.flag(r) {
		return sig, e.err // no VUI
	}
	if e.flag(r) && e.bits(r, 8) == 255 { // aspect ratio, then an explicit one
		e.bits(r, 16)
		e.bits(r, 16)
	}
	if e.flag(r) { // overscan_info_present_flag
		e.flag(r)
	}
	if e.flag(r) { // video_signal_type_present_flag
		e.bits(r, 3) // video_format
		sig.FullRange = e.flag(r)
		if e.flag(r) { // colour_description_present_flag
			e.bits(r, 8) // primaries
			e.bits(r, 8) // transfer
			sig.Matrix = int(e.bits(r, 8))
		}
	}
	return sig, e.err
}

package nal

import (
	"errors"
	"math/bits"
)

// HEVC slice types.
const (
	sliceB = 0
	sliceP = 1
)

// sliceHeader is where a slice segment's PPS id and header end lie.
type sliceHeader struct {
	ppsAt, ppsEnd int
	pps           uint
	end           int // the bit where byte_alignment() begins
}

// readSliceHeader follows slice_segment_header() (H.265 7.3.6.1) far
// enough to find its end. Weighted prediction, reference list changes
// and entry points are refused: the encoder Belgi drives is told not to
// use them, and their positions would not survive the rewrite.
func readSliceHeader(rbsp []byte, typ int, ps func(pps uint) (*ppsInfo, *spsInfo, error)) (sliceHeader, error) {
	r := &reader{b: rbsp}
	var e errs
	var h sliceHeader
	first := e.flag(r)
	if typ >= hevcBLAWLP && typ <= 23 {
		e.flag(r)
	}
	h.ppsAt = r.pos
	h.pps = e.ue(r)
	h.ppsEnd = r.pos
	if e.err != nil {
		return h, e.err
	}
	pps, sps, err := ps(h.pps)
	if err != nil {
		return h, err
	}
	dependent := false
	if !first {
		if pps.dependentSlices {
			dependent = e.flag(r)
		}
		e.bits(r, ceilLog2(sps.ctbsInPic))
	}
	if !dependent {
		e.err = orErr(e.err, readSliceFields(r, typ, pps, sps))
	}
	if pps.tilesOrWPP && e.ue(r) > 0 {
		return h, errors.New("nal: slices with entry points")
	}
	if pps.headerExt {
		n := e.ue(r)
		if n > 256 {
			return h, errors.New("nal: slice header extension too long")
		}
		for range n {
			e.bits(r, 8)
		}
	}
	h.end = r.pos
	return h, e.err
}

// readSliceFields reads what follows the address in an independent slice.
func readSliceFields(r *reader, typ int, pps *ppsInfo, sps *spsInfo) error {
	var e errs
	e.bits(r, pps.extraBits)
	st := int(e.ue(r))
	if pps.outputFlag {
		e.flag(r)
	}
	if sps.separatePlanes {
		e.bits(r, 2)
	}
	tmvp := false
	if typ != hevcIDRW && typ != hevcIDRN {
		var err error
		if tmvp, err = readPOCAndRefs(r, sps); err != nil {
			return err
		}
	}
	saoL, saoC := false, false
	if sps.sao {
		saoL = e.flag(r)
		if sps.chromaArrayType != 0 {
			saoC = e.flag(r)
		}
	}
	if st == sliceP || st == sliceB {
		e.err = orErr(e.err, readInter(r, st, tmvp, pps))
	}
	e.se(r) // slice_qp_delta
	if pps.sliceChromaQP {
		e.se(r)
		e.se(r)
	}
	if pps.chromaList {
		e.flag(r)
	}
	off := pps.deblockOff
	if pps.deblockOverride && e.flag(r) {
		if off = e.flag(r); !off {
			e.se(r)
			e.se(r)
		}
	}
	if pps.acrossSlices && (saoL || saoC || !off) {
		e.flag(r)
	}
	return e.err
}

// readPOCAndRefs reads the picture order count and reference sets of a
// non-IDR slice; it returns slice_temporal_mvp_enabled_flag.
func readPOCAndRefs(r *reader, sps *spsInfo) (bool, error) {
	var e errs
	e.bits(r, sps.log2MaxPOCLsb)
	n := len(sps.rpsDeltas)
	if !e.flag(r) {
		if _, err := readRPS(r, n, n, sps.rpsDeltas); err != nil {
			return false, err
		}
	} else if n > 1 {
		e.bits(r, ceilLog2(n))
	}
	if sps.longTerm {
		ltSPS := 0
		if sps.numLongTermSPS > 0 {
			ltSPS = int(e.ue(r))
		}
		ltPics := int(e.ue(r))
		if e.err != nil || ltSPS+ltPics > 32 {
			return false, orErr(e.err, errors.New("nal: too many long-term pictures"))
		}
		for i := range ltSPS + ltPics {
			if i < ltSPS {
				e.bits(r, ceilLog2(sps.numLongTermSPS))
			} else {
				e.bits(r, sps.log2MaxPOCLsb+1)
			}
			if e.flag(r) {
				e.ue(r)
			}
		}
	}
	tmvp := false
	if sps.temporalMVP {
		tmvp = e.flag(r)
	}
	return tmvp, e.err
}

// readInter reads the reference counts, flags and merge candidates of a
// P or B slice.
func readInter(r *reader, st int, tmvp bool, pps *ppsInfo) error {
	var e errs
	l0, l1 := pps.refL0, pps.refL1
	if e.flag(r) {
		l0 = int(e.ue(r)) + 1
		if st == sliceB {
			l1 = int(e.ue(r)) + 1
		}
	}
	if pps.listsModification {
		return errors.New("nal: slices with reference list changes")
	}
	if st == sliceB {
		e.flag(r)
	}
	if pps.cabacInit {
		e.flag(r)
	}
	if tmvp {
		fromL0 := true
		if st == sliceB {
			fromL0 = e.flag(r)
		}
		if (fromL0 && l0 > 1) || (!fromL0 && l1 > 1) {
			e.ue(r)
		}
	}
	if (pps.weighted && st == sliceP) || (pps.weightedBi && st == sliceB) {
		return errors.New("nal: slices with weighted prediction")
	}
	e.ue(r) // five_minus_max_num_merge_cand
	return e.err
}

// ceilLog2 is Ceil(Log2(n)), the width of a u(v) field counting to n.
func ceilLog2(n int) int {
	if n <= 1 {
		return 0
	}
	return bits.Len(uint(n - 1))
}

// withPPS rewrites a slice segment NAL unit to name another PPS. The
// header's remaining bits move, byte_alignment() is written anew and
// the slice data follows unchanged.
func withPPS(u []byte, h sliceHeader, rbsp []byte, id uint) ([]byte, error) {
	data := (h.end + 8) / 8 // the byte after the original alignment
	r := &reader{b: rbsp}
	r.pos = h.end
	if one, err := r.bit(); err != nil || one != 1 {
		return nil, errors.New("nal: a slice header did not end where it was read to")
	}
	for r.pos < 8*data {
		if z, _ := r.bit(); z != 0 {
			return nil, errors.New("nal: a slice header did not end where it was read to")
		}
	}
	var w writer
	w.copyFrom(r, 0, h.ppsAt)
	w.ue(id)
	w.copyFrom(r, h.ppsEnd, h.end)
	w.trailing()
	body := append(w.b, rbsp[data:]...)
	return append([]byte{u[0], u[1]}, escape(body)...), nil
}

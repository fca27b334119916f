package nal

import "errors"

// spsInfo is what a slice header's syntax depends on in its SPS.
type spsInfo struct {
	chromaArrayType int
	separatePlanes  bool
	log2MaxPOCLsb   int
	ctbsInPic       int
	rpsDeltas       []int // NumDeltaPocs of each short-term set
	longTerm        bool
	numLongTermSPS  int
	temporalMVP     bool
	sao             bool
	vuiAt           int // bit where strong_intra_smoothing_enabled_flag sits
}

func (s *spsInfo) read(r *reader, sub int) error {
	var e errs
	chroma := e.ue(r)
	if chroma == 3 {
		s.separatePlanes = e.flag(r)
	}
	s.chromaArrayType = int(chroma)
	if s.separatePlanes {
		s.chromaArrayType = 0
	}
	w, h := e.ue(r), e.ue(r)
	if e.flag(r) { // conformance window
		e.ue(r)
		e.ue(r)
		e.ue(r)
		e.ue(r)
	}
	e.ue(r)
	e.ue(r) // bit depths
	s.log2MaxPOCLsb = int(e.ue(r)) + 4
	first := sub
	if e.flag(r) {
		first = 0
	}
	for i := first; i <= sub; i++ {
		e.ue(r)
		e.ue(r)
		e.ue(r)
	}
	ctb := int(e.ue(r)) + 3
	ctb += int(e.ue(r))
	for range 4 {
		e.ue(r) // transform block sizes and depths
	}
	if e.err != nil || ctb > 6 || w == 0 || h == 0 || w > 16888 || h > 16888 {
		return orErr(e.err, errors.New("nal: SPS sizes out of range"))
	}
	size := 1 << ctb
	s.ctbsInPic = int((w+uint(size)-1)/uint(size)) * int((h+uint(size)-1)/uint(size))
	return s.readTools(r)
}

// readTools reads the SPS from the scaling lists to the temporal MVP flag.
func (s *spsInfo) readTools(r *reader) error {
	var e errs
	if scaling := e.flag(r); scaling && e.flag(r) { // enabled, then present
		e.err = orErr(e.err, skipScalingLists(r))
	}
	e.flag(r) // amp
	s.sao = e.flag(r)
	if e.flag(r) { // pcm
		e.bits(r, 8)
		e.ue(r)
		e.ue(r)
		e.flag(r)
	}
	n := int(e.ue(r))
	if e.err != nil || n > 64 {
		return orErr(e.err, errors.New("nal: too many short-term reference sets"))
	}
	for i := range n {
		d, err := readRPS(r, i, n, s.rpsDeltas)
		if err != nil {
			return err
		}
		s.rpsDeltas = append(s.rpsDeltas, d)
	}
	if s.longTerm = e.flag(r); s.longTerm {
		s.numLongTermSPS = int(e.ue(r))
		if s.numLongTermSPS > 32 {
			return errors.New("nal: too many long-term pictures")
		}
		for range s.numLongTermSPS {
			e.bits(r, s.log2MaxPOCLsb+1)
		}
	}
	s.temporalMVP = e.flag(r)
	s.vuiAt = r.pos
	return e.err
}

// readRPS reads st_ref_pic_set(idx) and returns its NumDeltaPocs.
func readRPS(r *reader, idx, num int, deltas []int) (int, error) {
	var e errs
	if idx != 0 && e.flag(r) { // inter_ref_pic_set_prediction_flag
		delta := 1
		if idx == num {
			delta = int(e.ue(r)) + 1
		}
		e.flag(r)
		e.ue(r)
		ref := idx - delta
		if e.err != nil || ref < 0 || ref >= len(deltas) {
			return 0, orErr(e.err, errors.New("nal: a reference set refers to none"))
		}
		n := 0
		for j := 0; j <= deltas[ref]; j++ {
			used := e.flag(r)
			if used || e.flag(r) {
				n++
			}
		}
		return n, e.err
	}
	neg, pos := e.ue(r), e.ue(r)
	if e.err != nil || neg > 16 || pos > 16 {
		return 0, orErr(e.err, errors.New("nal: too many reference pictures"))
	}
	for range neg + pos {
		e.ue(r)
		e.flag(r)
	}
	return int(neg + pos), e.err
}

// skipScalingLists skips scaling_list_data().
func skipScalingLists(r *reader) error {
	var e errs
	for size := range 4 {
		step := 1
		if size == 3 {
			step = 3
		}
		for m := 0; m < 6; m += step {
			if !e.flag(r) {
				e.ue(r)
				continue
			}
			coefs := min(64, 1<<(4+size<<1))
			if size > 1 {
				e.se(r)
			}
			for range coefs {
				e.se(r)
			}
		}
	}
	return e.err
}

// errs keeps the first error of a run of reads, so that a parser reads
// like the syntax table it follows.
type errs struct{ err error }

func (e *errs) ue(r *reader) uint {
	v, err := r.ue()
	e.err = orErr(e.err, err)
	return v
}

func (e *errs) se(r *reader) int {
	v, err := r.se()
	e.err = orErr(e.err, err)
	return v
}

func (e *errs) flag(r *reader) bool {
	v, err := r.flag()
	e.err = orErr(e.err, err)
	return v
}

func (e *errs) bits(r *reader, n int) uint {
	v, err := r.bits(n)
	e.err = orErr(e.err, err)
	return v
}

func orErr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

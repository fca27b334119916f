package nal

import (
	"errors"
	"fmt"
)

// paramSet is an HEVC VPS, SPS or PPS with where its identifiers sit.
type paramSet struct {
	typ     int
	id, ref uint // its id; the VPS an SPS names, or the SPS a PPS names
	rbsp    []byte
	idAt    int // bit where the id's code starts (the VPS id for an SPS)
	idEnd   int
	sps     spsInfo
	pps     ppsInfo
}

// parseParamSet reads a VPS, SPS or PPS NAL unit.
func parseParamSet(u []byte) (paramSet, error) {
	ps := paramSet{typ: HEVCType(u)}
	if len(u) < 3 {
		return ps, errShort
	}
	ps.rbsp = unescape(u[2:])
	r := &reader{b: ps.rbsp}
	var err error
	switch ps.typ {
	case hevcVPS:
		ps.id, err = r.bits(4)
	case hevcSPS:
		err = ps.readSPS(r)
	case hevcPPS:
		err = ps.readPPS(r)
	default:
		err = fmt.Errorf("nal: NAL unit type %d is no parameter set", ps.typ)
	}
	return ps, err
}

func (ps *paramSet) readSPS(r *reader) error {
	var err error
	if ps.ref, err = r.bits(4); err != nil {
		return err
	}
	sub, err := r.bits(3)
	if err != nil {
		return err
	}
	if err := r.skip(1); err != nil {
		return err
	}
	if err := skipPTL(r, int(sub)); err != nil {
		return err
	}
	ps.idAt = r.pos
	if ps.id, err = r.ue(); err != nil {
		return err
	}
	ps.idEnd = r.pos
	if ps.id > 15 {
		return errors.New("nal: SPS id out of range")
	}
	return ps.sps.read(r, int(sub))
}

func (ps *paramSet) readPPS(r *reader) error {
	var err error
	if ps.id, err = r.ue(); err != nil {
		return err
	}
	if ps.ref, err = r.ue(); err != nil {
		return err
	}
	ps.idEnd = r.pos
	if ps.id > 63 || ps.ref > 15 {
		return errors.New("nal: PPS ids out of range")
	}
	return ps.pps.read(r)
}

// skipPTL skips profile_tier_level(1, maxSubLayersMinus1).
func skipPTL(r *reader, sub int) error {
	if err := r.skip(96); err != nil {
		return err
	}
	prof, lvl := make([]bool, sub), make([]bool, sub)
	for i := range sub {
		p, _ := r.flag()
		l, err := r.flag()
		if err != nil {
			return err
		}
		prof[i], lvl[i] = p, l
	}
	if sub > 0 {
		if err := r.skip(2 * (8 - sub)); err != nil {
			return err
		}
	}
	for i := range sub {
		n := 0
		if prof[i] {
			n += 88
		}
		if lvl[i] {
			n += 8
		}
		if err := r.skip(n); err != nil {
			return err
		}
	}
	return nil
}

// withIDs rewrites a parameter set with new identifiers: the set's own
// and the one it refers to.
func (ps paramSet) withIDs(id, ref uint) []byte {
	var w writer
	r := &reader{b: ps.rbsp}
	stop := payloadEnd(ps.rbsp)
	switch ps.typ {
	case hevcVPS:
		w.bits(id, 4)
		w.copyFrom(r, 4, stop)
	case hevcSPS:
		w.bits(ref, 4)
		w.copyFrom(r, 4, ps.idAt)
		w.ue(id)
		w.copyFrom(r, ps.idEnd, stop)
	case hevcPPS:
		w.ue(id)
		w.ue(ref)
		w.copyFrom(r, ps.idEnd, stop)
	}
	w.trailing()
	return append([]byte{byte(ps.typ << 1), 1}, escape(w.b)...)
}

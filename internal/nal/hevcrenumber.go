package nal

import (
	"errors"
	"fmt"
)

// Limits of HEVC parameter-set ids.
const (
	maxVPS = 15
	maxSPS = 15
	maxPPS = 63
)

// Renumber gives the parameter sets of an HEVC stream new ids, each old
// id moved up by a fixed step per kind, and rewrites the stream's slices
// to name the new PPS ids. The step makes room for another stream's
// sets under the low ids (an encoder's own sets all use id 0).
type Renumber struct {
	step   [3]uint // VPS, SPS, PPS
	pps    map[uint]*ppsInfo
	sps    map[uint]*spsInfo
	ppsSPS map[uint]uint
}

// NewRenumber prepares to renumber the stream whose parameter sets are
// params (its hvcC's VPS, SPS and PPS), moving ids above those used.
func NewRenumber(params [][]byte, used [3][]uint) (*Renumber, error) {
	n := &Renumber{pps: map[uint]*ppsInfo{}, sps: map[uint]*spsInfo{}, ppsSPS: map[uint]uint{}}
	for i, ids := range used {
		for _, id := range ids {
			n.step[i] = max(n.step[i], id+1)
		}
	}
	for _, u := range params {
		ps, err := parseParamSet(u)
		if err != nil {
			return nil, err
		}
		if err := n.learn(ps); err != nil {
			return nil, err
		}
	}
	return n, nil
}

// learn remembers what slices need of a set and checks its new id fits.
func (n *Renumber) learn(ps paramSet) error {
	limit := map[int]uint{hevcVPS: maxVPS, hevcSPS: maxSPS, hevcPPS: maxPPS}[ps.typ]
	if ps.id+n.step[kindOf(ps.typ)] > limit {
		return fmt.Errorf("nal: no free id for parameter set %d of type %d", ps.id, ps.typ)
	}
	switch ps.typ {
	case hevcSPS:
		sps := ps.sps
		n.sps[ps.id] = &sps
	case hevcPPS:
		pps := ps.pps
		n.pps[ps.id], n.ppsSPS[ps.id] = &pps, ps.ref
	}
	return nil
}

func kindOf(typ int) int { return typ - hevcVPS }

// Unit rewrites one NAL unit: parameter sets get their new ids, slices
// name their PPS by its new id, anything else is returned as it is.
func (n *Renumber) Unit(u []byte) ([]byte, error) {
	t := HEVCType(u)
	switch {
	case t >= hevcVPS && t <= hevcPPS:
		ps, err := parseParamSet(u)
		if err != nil {
			return nil, err
		}
		if err := n.learn(ps); err != nil {
			return nil, err
		}
		ref := ps.ref // an SPS names its VPS, a PPS its SPS
		if t != hevcVPS {
			ref += n.step[kindOf(t)-1]
		}
		return ps.withIDs(ps.id+n.step[kindOf(t)], ref), nil
	case t >= 0 && t <= 31:
		return n.slice(u, t)
	}
	return u, nil
}

func (n *Renumber) slice(u []byte, typ int) ([]byte, error) {
	if typ > 21 { // reserved VCL types carry no header Belgi can read
		return nil, fmt.Errorf("nal: reserved slice type %d", typ)
	}
	rbsp := unescape(u[2:])
	h, err := readSliceHeader(rbsp, typ, n.lookup)
	if err != nil {
		return nil, err
	}
	return withPPS(u, h, rbsp, h.pps+n.step[2])
}

func (n *Renumber) lookup(id uint) (*ppsInfo, *spsInfo, error) {
	pps := n.pps[id]
	if pps == nil {
		return nil, nil, fmt.Errorf("nal: a slice names PPS %d, which is unknown", id)
	}
	sps := n.sps[n.ppsSPS[id]]
	if sps == nil {
		return nil, nil, errors.New("nal: a PPS names an unknown SPS")
	}
	return pps, sps, nil
}

// Record rewrites the parameter sets of an hvcC record.
func (n *Renumber) Record(c HVCC) (HVCC, error) {
	out := c
	out.Arrays = nil
	for _, a := range c.Arrays {
		b := a
		b.Units = nil
		for _, u := range a.Units {
			v, err := n.Unit(u)
			if err != nil {
				return HVCC{}, err
			}
			b.Units = append(b.Units, v)
		}
		out.Arrays = append(out.Arrays, b)
	}
	return out, nil
}

// UsedIDs lists the ids of a record's VPS, SPS and PPS.
func (c HVCC) UsedIDs() ([3][]uint, error) {
	var out [3][]uint
	for _, typ := range []int{hevcVPS, hevcSPS, hevcPPS} {
		for _, u := range c.Units(typ) {
			id, err := hevcID(u)
			if err != nil {
				return out, err
			}
			out[kindOf(typ)] = append(out[kindOf(typ)], id)
		}
	}
	return out, nil
}

// Sample rewrites every NAL unit of one length-prefixed sample.
func (n *Renumber) Sample(b []byte, lengthSize int) ([]byte, error) {
	units, err := Split(b, lengthSize)
	if err != nil {
		return nil, err
	}
	for i, u := range units {
		if units[i], err = n.Unit(u); err != nil {
			return nil, err
		}
	}
	return Join(units, lengthSize), nil
}

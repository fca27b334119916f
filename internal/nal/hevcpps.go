package nal

import "errors"

// ppsInfo is what a slice header's syntax depends on in its PPS.
type ppsInfo struct {
	dependentSlices, outputFlag, cabacInit   bool
	extraBits                                int
	refL0, refL1                             int
	sliceChromaQP, weighted, weightedBi      bool
	tilesOrWPP, acrossSlices                 bool
	deblockOverride, deblockOff              bool
	listsModification, headerExt, chromaList bool
}

func (p *ppsInfo) read(r *reader) error {
	var e errs
	p.dependentSlices = e.flag(r)
	p.outputFlag = e.flag(r)
	p.extraBits = int(e.bits(r, 3))
	e.flag(r) // sign data hiding
	p.cabacInit = e.flag(r)
	p.refL0, p.refL1 = int(e.ue(r))+1, int(e.ue(r))+1
	e.se(r)   // init_qp_minus26
	e.flag(r) // constrained intra
	skip := e.flag(r)
	if e.flag(r) { // cu_qp_delta
		e.ue(r)
	}
	e.se(r)
	e.se(r)
	p.sliceChromaQP = e.flag(r)
	p.weighted, p.weightedBi = e.flag(r), e.flag(r)
	e.flag(r) // transquant bypass
	tiles, wpp := e.flag(r), e.flag(r)
	p.tilesOrWPP = tiles || wpp
	if tiles {
		e.err = orErr(e.err, skipTiles(r))
	}
	p.acrossSlices = e.flag(r)
	if e.flag(r) { // deblocking control
		p.deblockOverride = e.flag(r)
		if p.deblockOff = e.flag(r); !p.deblockOff {
			e.se(r)
			e.se(r)
		}
	}
	if e.flag(r) {
		e.err = orErr(e.err, skipScalingLists(r))
	}
	p.listsModification = e.flag(r)
	e.ue(r) // parallel merge level
	p.headerExt = e.flag(r)
	if e.err != nil {
		return e.err
	}
	return p.readExtensions(r, skip)
}

func skipTiles(r *reader) error {
	var e errs
	cols, rows := e.ue(r), e.ue(r)
	if e.err != nil || cols > 20 || rows > 22 {
		return orErr(e.err, errors.New("nal: too many tiles"))
	}
	if !e.flag(r) { // not uniform
		for range cols + rows {
			e.ue(r)
		}
	}
	e.flag(r)
	return e.err
}

// readExtensions reads the range extension's chroma QP offset list flag;
// other extensions change slice headers in ways not followed here.
func (p *ppsInfo) readExtensions(r *reader, transformSkip bool) error {
	var e errs
	if !e.flag(r) {
		return e.err
	}
	rangeExt := e.flag(r)
	if other := e.bits(r, 7); other != 0 {
		return orErr(e.err, errors.New("nal: PPS extensions other than the range extension"))
	}
	if rangeExt {
		if transformSkip {
			e.ue(r)
		}
		e.flag(r) // cross-component prediction
		p.chromaList = e.flag(r)
	}
	return e.err
}

package c2pa

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"io"

	"github.com/fxamacker/cbor/v2"
)

// checkBinding re-computes the manifest's hard binding over the asset.
// Belgi checks c2pa.hash.data and whole-file c2pa.hash.bmff.v2/v3 whose
// exclusions name top-level boxes; Merkle trees, box hashes and nested
// exclusions are reported as not checked rather than guessed at.
func (r *Results) checkBinding(as node, asset io.ReaderAt, size int64, base string) {
	for _, a := range as.kids {
		b, ok := a.cborContent()
		if !ok {
			continue
		}
		url := base + labelAssertions + "/" + a.label
		switch baseLabel(a.label) {
		case labelDataHash:
			r.checkDataHash(b, asset, size, url)
			return
		case "c2pa.hash.bmff.v2", labelBMFFHash:
			r.checkBMFFHash(b, asset, size, url)
			return
		case "c2pa.hash.boxes", "c2pa.hash.collection.data":
			r.info("assertion.hardBinding.unchecked", url, "Belgi does not check this kind of hard binding")
			return
		}
	}
	r.add(false, "", "claim.hardBindings.missing", base+labelAssertions, "")
}

func (r *Results) checkDataHash(b []byte, asset io.ReaderAt, size int64, url string) {
	var dh dataHash
	if cbor.Unmarshal(b, &dh) != nil {
		r.add(false, "", "assertion.dataHash.malformed", url, "")
		return
	}
	if dh.Alg != "" && dh.Alg != "sha256" {
		r.info("algorithm.unsupported", url, dh.Alg)
		return
	}
	sum, err := DataHash(asset, size, dh.Exclusions)
	r.add(err == nil && bytes.Equal(sum, dh.Hash), "assertion.dataHash.match", "assertion.dataHash.mismatch", url, errText(err))
}

func (r *Results) checkBMFFHash(b []byte, asset io.ReaderAt, size int64, url string) {
	var bh bmffHash
	if cbor.Unmarshal(b, &bh) != nil {
		r.add(false, "", "assertion.bmffHash.malformed", url, "")
		return
	}
	if len(bh.Merkle) > 0 || len(bh.Hash) == 0 || (bh.Alg != "" && bh.Alg != "sha256") {
		r.info("assertion.bmffHash.unchecked", url, "Merkle trees and hashes other than SHA-256 are not checked by Belgi")
		return
	}
	sum, err := bmffHashWith(asset, size, bh.Exclusions)
	if err == errNestedExclusion {
		r.info("assertion.bmffHash.unchecked", url, err.Error())
		return
	}
	r.add(err == nil && bytes.Equal(sum, bh.Hash), "assertion.bmffHash.match", "assertion.bmffHash.mismatch", url, errText(err))
}

var errNestedExclusion = errorString("exclusions inside boxes are not checked by Belgi")

type errorString string

func (e errorString) Error() string { return string(e) }

// bmffHashWith is BMFFHash with the exclusions a manifest states, as long
// as each names a whole top-level box.
func bmffHashWith(r io.ReaderAt, size int64, ex []bmffExclusion) ([]byte, error) {
	for _, e := range ex {
		if len(e.XPath) < 2 || bytes.ContainsRune([]byte(e.XPath[1:]), '/') {
			return nil, errNestedExclusion
		}
	}
	boxes, err := topBoxes(r, size)
	if err != nil {
		return nil, err
	}
	h := sha256.New()
	for _, b := range boxes {
		skip, err := matchesExclusion(r, b, ex)
		if err != nil {
			return nil, err
		}
		if skip {
			continue
		}
		h.Write(binary.BigEndian.AppendUint64(nil, uint64(b.off)))
		if err := hashRange(h, r, b.off, b.size); err != nil {
			return nil, err
		}
	}
	return h.Sum(nil), nil
}

func matchesExclusion(r io.ReaderAt, b bmffBox, ex []bmffExclusion) (bool, error) {
	for _, e := range ex {
		if e.XPath[1:] != b.typ {
			continue
		}
		ok := true
		for _, d := range e.Data {
			got := make([]byte, len(d.Value))
			if d.Offset < 0 || d.Offset+int64(len(got)) > b.size {
				ok = false
				break
			}
			if _, err := r.ReadAt(got, b.off+d.Offset); err != nil {
				return false, err
			}
			ok = ok && bytes.Equal(got, d.Value)
		}
		if ok {
			return true, nil
		}
	}
	return false, nil
}

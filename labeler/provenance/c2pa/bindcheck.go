package c2pa

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"io"

	"github.com/fxamacker/cbor/v2"
)

// binding re-computes the active manifest's hard binding over the
// asset. Belgi checks c2pa.hash.data, whole-file c2pa.hash.bmff.v2/v3
// whose exclusions name top-level boxes, and JPEG c2pa.hash.boxes;
// Merkle trees and nested exclusions are reported as not checked rather
// than guessed at.
func (v *validator) binding(m *manifest, asset io.ReaderAt, size int64) {
	var found []node
	for _, a := range m.assertions.kids {
		switch baseLabel(a.label) {
		case labelDataHash, "c2pa.hash.bmff", "c2pa.hash.bmff.v2", labelBMFFHash, "c2pa.hash.boxes", "c2pa.hash.collection.data":
			found = append(found, a)
		}
	}
	switch {
	case len(found) == 0:
		v.log.fail("claim.hardBindings.missing", m.uri(""), "claim missing data binding")
		return
	case len(found) > 1:
		v.log.fail("assertion.multipleHardBindings", m.uri(""), "claim has multiple data bindings")
	}
	for _, a := range found {
		v.hardBinding(m, a, asset, size)
	}
}

func (v *validator) hardBinding(m *manifest, a node, asset io.ReaderAt, size int64) {
	url := m.uri(labelAssertions + "/" + a.label)
	b, ok := a.cborContent()
	if !ok {
		v.log.fail("assertion.cbor.invalid", url, "")
		return
	}
	switch baseLabel(a.label) {
	case labelDataHash:
		v.checkDataHash(b, asset, size, url)
	case "c2pa.hash.boxes":
		v.checkBoxHash(b, asset, size, url)
	case "c2pa.hash.collection.data":
		v.log.note("assertion.hardBinding.unchecked", url, "Belgi does not check collection hashes")
	default:
		v.checkBMFFHash(b, asset, size, url)
	}
}

func (v *validator) checkDataHash(b []byte, asset io.ReaderAt, size int64, url string) {
	var dh dataHash
	if cbor.Unmarshal(b, &dh) != nil {
		v.log.fail("assertion.dataHash.malformed", url, "")
		return
	}
	h, ok := hashByName(dh.Alg)
	if !ok {
		v.log.note("algorithm.unsupported", url, dh.Alg)
		return
	}
	sum, err := dataHashWith(h, asset, size, dh.Exclusions)
	v.log.check(err == nil && bytes.Equal(sum, dh.Hash), "assertion.dataHash.match", "assertion.dataHash.mismatch", url, errText(err))
	if v.storeAt > 0 && !startsAt(dh.Exclusions, v.storeAt) {
		v.log.fail("assertion.dataHash.mismatch", url, "data hash exclusion does not match the manifest location in the asset")
	}
}

// startsAt reports whether an exclusion begins where the store does.
func startsAt(ex []Exclusion, at int64) bool {
	for _, e := range ex {
		if e.Start == at {
			return true
		}
	}
	return false
}

func (v *validator) checkBMFFHash(b []byte, asset io.ReaderAt, size int64, url string) {
	var bh bmffHash
	if cbor.Unmarshal(b, &bh) != nil {
		v.log.fail("assertion.bmffHash.malformed", url, "")
		return
	}
	if bh.Alg != "" && bh.Alg != "sha256" {
		v.log.note("assertion.bmffHash.unchecked", url, "hashes other than SHA-256 are not checked by Belgi")
		return
	}
	if len(bh.Merkle) > 0 {
		v.checkMerkle(bh, asset, size, url)
		return
	}
	sum, err := bmffHashWith(asset, size, bh.Exclusions)
	if err == errNestedExclusion {
		v.log.note("assertion.bmffHash.unchecked", url, err.Error())
		return
	}
	v.log.check(err == nil && bytes.Equal(sum, bh.Hash), "assertion.bmffHash.match", "assertion.bmffHash.mismatch", url, errText(err))
}

// checkMerkle handles a fragmented file's binding: its initialization
// segment's hash is checked; the fragments' Merkle leaves are not, and
// a file holding none of the fragments the tree covers does not match.
func (v *validator) checkMerkle(bh bmffHash, asset io.ReaderAt, size int64, url string) {
	var trees []struct {
		InitHash []byte `cbor:"initHash"`
	}
	_ = cbor.Unmarshal(bh.Merkle, &trees)
	boxes, err := topBoxes(asset, size)
	if err != nil {
		v.log.fail("assertion.bmffHash.mismatch", url, err.Error())
		return
	}
	for _, t := range trees {
		if len(t.InitHash) == 0 {
			continue
		}
		sum, err := bmffHashWith(asset, size, bh.Exclusions)
		if err == nil && !bytes.Equal(sum, t.InitHash) {
			v.log.fail("assertion.bmffHash.mismatch", url, "initialization segment hash does not match")
			return
		}
	}
	if !hasBoxType(boxes, "moof") {
		v.log.fail("assertion.bmffHash.mismatch", url, "the fragments the Merkle tree covers are not in this file")
		return
	}
	v.log.note("assertion.bmffHash.unchecked", url, "Merkle trees of fragments are not checked by Belgi")
}

func hasBoxType(boxes []bmffBox, typ string) bool {
	for _, b := range boxes {
		if b.typ == typ {
			return true
		}
	}
	return false
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

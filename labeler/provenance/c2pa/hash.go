package c2pa

import (
	"crypto"
	"fmt"
	"io"
	"slices"
)

// DataHash is the SHA-256 of an asset's first size bytes with the
// exclusions left out, as c2pa.hash.data binds it. Exclusions may come in
// any order but must not overlap or run past the end.
func DataHash(r io.ReaderAt, size int64, exclusions []Exclusion) ([]byte, error) {
	return dataHashWith(crypto.SHA256, r, size, exclusions)
}

// dataHashWith is DataHash with another hash algorithm.
func dataHashWith(alg crypto.Hash, r io.ReaderAt, size int64, exclusions []Exclusion) ([]byte, error) {
	ex := slices.Clone(exclusions)
	slices.SortFunc(ex, func(a, b Exclusion) int { return compare(a.Start, b.Start) })
	h := alg.New()
	p := int64(0)
	for _, e := range ex {
		if e.Start < p || e.Length < 0 || e.Start > size-e.Length {
			return nil, fmt.Errorf("c2pa: data hash exclusion %d+%d does not fit a file of %d bytes", e.Start, e.Length, size)
		}
		if err := hashRange(h, r, p, e.Start-p); err != nil {
			return nil, err
		}
		p = e.Start + e.Length
	}
	if err := hashRange(h, r, p, size-p); err != nil {
		return nil, err
	}
	return h.Sum(nil), nil
}

func compare(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// hashRange feeds n bytes of r from off into w.
func hashRange(w io.Writer, r io.ReaderAt, off, n int64) error {
	if n == 0 {
		return nil
	}
	if _, err := io.Copy(w, io.NewSectionReader(r, off, n)); err != nil {
		return fmt.Errorf("c2pa: hashing: %w", err)
	}
	return nil
}

// bmffExclusions are the top-level boxes c2pa.hash.bmff leaves out by
// default (c2pa-rs writes the same list): the manifest store's own uuid
// box, ftyp (brands may change), mfra and free/skip padding.
func bmffExclusions() []bmffExclusion {
	return []bmffExclusion{
		{XPath: "/uuid", Data: []bmffData{{Offset: 8, Value: append([]byte{}, c2paUUID[:]...)}}},
		{XPath: "/ftyp"}, {XPath: "/mfra"}, {XPath: "/free"}, {XPath: "/skip"},
	}
}

// BMFFHash is the hash c2pa.hash.bmff.v2 and v3 give a whole BMFF file:
// every top-level box not excluded, each preceded by its file offset as
// a 64-bit big-endian number, so boxes cannot be moved about unnoticed.
func BMFFHash(r io.ReaderAt, size int64) ([]byte, error) {
	return bmffHashWith(r, size, bmffExclusions())
}

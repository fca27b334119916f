package c2pa

import (
	"context"
	"fmt"
)

// Sealer makes one signed manifest store whose size is fixed before the
// asset's hash is known. Containers lay the file out around a placeholder
// of Size bytes, hash it, and Seal* returns a store of exactly that size
// to patch in: nothing moves after hashing, whatever the container.
//
// The size covers the manifest with the largest hard binding it may get
// plus a margin; the signature is padded to fill it exactly (a "pad"
// entry in the COSE unprotected header, as c2pa-rs pads its own).
type Sealer struct {
	m     Manifest
	s     Signer
	label string
	bmff  bool
	// fixed are the assertions that do not depend on the hash: the
	// parent ingredient and the actions.
	fixed [][]byte
	size  int
}

const (
	// sealMargin absorbs the exclusion integers' CBOR growth and the
	// COSE pad entry's own header.
	sealMargin = 96
	// timestampReserve is room for an RFC 3161 token, whose size is
	// known only once the authority answers (c2pa-rs reserves the same).
	timestampReserve = 10000
	// placeholderExclusions: how many data hash exclusions the size
	// allows for; no container Belgi knows needs more.
	placeholderExclusions = 4
)

// NewSealer prepares the manifest for m signed by s; bmff chooses the
// c2pa.hash.bmff.v3 binding over c2pa.hash.data.
func NewSealer(ctx context.Context, m Manifest, s Signer, bmff bool) (*Sealer, error) {
	if err := m.validate(); err != nil {
		return nil, err
	}
	if err := s.check(); err != nil {
		return nil, err
	}
	z := &Sealer{m: m, s: s, label: "urn:c2pa:" + newUUID(), bmff: bmff}
	var err error
	if z.fixed, err = fixedAssertions(m); err != nil {
		return nil, err
	}
	ex := make([]Exclusion, placeholderExclusions)
	for i := range ex {
		ex[i] = Exclusion{Start: 1 << 40, Length: 1 << 40}
	}
	hb, err := z.binding(make([]byte, 32), ex)
	if err != nil {
		return nil, err
	}
	store, _, err := z.store(ctx, hb, false)
	if err != nil {
		return nil, err
	}
	z.size = len(store) + sealMargin
	if s.TSA != nil {
		z.size += timestampReserve
	}
	z.size += z.size & 1 // even: RIFF chunks pad odd sizes
	return z, nil
}

// Size is the number of bytes every store this sealer returns has.
func (z *Sealer) Size() int { return z.size }

// SealData returns the store bound by c2pa.hash.data: hash is the asset's
// SHA-256 with the exclusions left out (see DataHash).
func (z *Sealer) SealData(ctx context.Context, hash []byte, exclusions []Exclusion) ([]byte, error) {
	if z.bmff {
		return nil, fmt.Errorf("c2pa: this sealer binds with a BMFF hash")
	}
	if len(exclusions) > placeholderExclusions {
		return nil, fmt.Errorf("c2pa: %d data hash exclusions, at most %d fit", len(exclusions), placeholderExclusions)
	}
	hb, err := z.binding(hash, exclusions)
	if err != nil {
		return nil, err
	}
	return z.sealed(ctx, hb)
}

// SealBMFF returns the store bound by c2pa.hash.bmff.v3 (see BMFFHash).
func (z *Sealer) SealBMFF(ctx context.Context, hash []byte) ([]byte, error) {
	if !z.bmff {
		return nil, fmt.Errorf("c2pa: this sealer binds with a data hash")
	}
	hb, err := z.binding(hash, nil)
	if err != nil {
		return nil, err
	}
	return z.sealed(ctx, hb)
}

// binding is the hard binding assertion box for hash.
func (z *Sealer) binding(hash []byte, ex []Exclusion) ([]byte, error) {
	if len(hash) != 32 {
		return nil, fmt.Errorf("c2pa: a SHA-256 hash has 32 bytes, not %d", len(hash))
	}
	if z.bmff {
		b, err := encode(bmffHash{Exclusions: bmffExclusions(), Alg: "sha256", Hash: hash, Name: "jumbf manifest"})
		return cborBox(typeCBOR, labelBMFFHash, b), err
	}
	b, err := encode(dataHash{Exclusions: ex, Name: "jumbf manifest", Alg: "sha256", Hash: hash, Pad: []byte{}})
	return cborBox(typeCBOR, labelDataHash, b), err
}

// sealed signs the store and pads its signature to the reserved size.
func (z *Sealer) sealed(ctx context.Context, hb []byte) ([]byte, error) {
	store, parts, err := z.store(ctx, hb, true)
	if err != nil {
		return nil, err
	}
	gap := z.size - len(store)
	if gap < 0 {
		return nil, fmt.Errorf("c2pa: the manifest (%d bytes) outgrew the %d reserved for it", len(store), z.size)
	}
	sig, err := marshalPadded(parts.sig, len(parts.sigRaw)+gap)
	if err != nil {
		return nil, err
	}
	store = z.assemble(parts.assertions, parts.claim, sig)
	if len(store) != z.size {
		return nil, fmt.Errorf("c2pa: padded manifest is %d bytes, want %d", len(store), z.size)
	}
	return store, nil
}

package c2pa

import (
	"crypto/sha256"
	"fmt"
)

// EmbedJPEG returns jpeg with a signed manifest store in APP11 segments
// placed after the other APPn segments. A store already in jpeg, or else
// in m.Source, becomes the parent ingredient.
func EmbedJPEG(jpeg []byte, m Manifest, s Signer) ([]byte, error) {
	l, err := parseJPEG(jpeg)
	if err != nil {
		return nil, err
	}
	wrap := func(store []byte) ([]byte, error) { return app11Segments(store, l.maxEn+1) }
	return embed(l.clean, l.insert, l.store, "image/jpeg", m, s, wrap)
}

// EmbedPNG returns png with a signed manifest store in a caBX chunk before
// the first IDAT; an existing store is handled as in EmbedJPEG.
func EmbedPNG(png []byte, m Manifest, s Signer) ([]byte, error) {
	l, err := parsePNG(png)
	if err != nil {
		return nil, err
	}
	return embed(l.clean, l.insert, l.store, "image/png", m, s, caBXChunk)
}

// embed signs a store bound to clean with the store's bytes at insert.
func embed(clean []byte, insert int, old []byte, format string, m Manifest, s Signer, wrap func([]byte) ([]byte, error)) ([]byte, error) {
	if err := m.validate(); err != nil {
		return nil, err
	}
	if err := s.check(); err != nil {
		return nil, err
	}
	parent, err := parentFor(old, m.Source)
	if err != nil {
		return nil, err
	}
	if m.SourceTitle == "" {
		m.SourceTitle = m.Title
	}
	srcFormat := format
	if f := sniff(m.Source); f != "" {
		srcFormat = "image/" + f
	}
	sum := sha256.Sum256(clean)
	store, err := assemble(m, s, parent, srcFormat, binding{start: insert, hash: sum[:], wrap: wrap})
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(clean)+len(store))
	out = append(append(append(out, clean[:insert]...), store...), clean[insert:]...)
	return out, nil
}

// parentFor picks the store to carry forward: the one in the file being
// signed, else the one in the original source, whose data hash Belgi can
// then check against the source bytes.
func parentFor(old, source []byte) (*parentStore, error) {
	if old != nil {
		return parentFrom(old, "")
	}
	if len(source) == 0 {
		return nil, nil
	}
	f, store, err := read(source)
	if err != nil {
		return nil, fmt.Errorf("c2pa: source: %w", err)
	}
	if store == nil {
		return nil, nil
	}
	code := "assertion.dataHash.mismatch"
	if f.HashMatches {
		code = "assertion.dataHash.match"
	}
	return parentFrom(store, code)
}

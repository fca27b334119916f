package c2pa

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
)

var pngSignature = []byte("\x89PNG\r\n\x1a\n")

// pngContainer carries a store in a caBX chunk before the first IDAT.
type pngContainer struct{}

func (pngContainer) Open(r io.ReaderAt, size int64) (Layout, error) {
	data, err := readAll(r, size)
	if err != nil {
		return nil, err
	}
	l, err := parsePNG(data)
	if err != nil {
		return nil, err
	}
	return spliced{clean: l.clean, at: l.insert, old: l.store, oldAt: l.storeAt, frame: caBXChunk}, nil
}

// pngLayout mirrors jpegLayout: caBX chunks lifted out, and where the new
// one goes (before the first IDAT, as C2PA asks).
type pngLayout struct {
	clean   []byte
	insert  int
	store   []byte
	storeAt int64 // where the caBX chunk was in the file
}

var errPNG = errors.New("c2pa: png: malformed chunks")

func parsePNG(data []byte) (pngLayout, error) {
	if !bytes.HasPrefix(data, pngSignature) {
		return pngLayout{}, fmt.Errorf("%w: no signature", errPNG)
	}
	l := pngLayout{clean: append([]byte{}, pngSignature...), insert: -1, storeAt: -1}
	for p := len(pngSignature); p < len(data); {
		if p+12 > len(data) {
			return pngLayout{}, fmt.Errorf("%w: truncated at %d", errPNG, p)
		}
		n := int(binary.BigEndian.Uint32(data[p:]))
		if n > len(data)-p-12 {
			return pngLayout{}, fmt.Errorf("%w: chunk at %d overruns", errPNG, p)
		}
		typ, chunk := string(data[p+4:p+8]), data[p:p+12+n]
		p += 12 + n
		if typ == "caBX" {
			if l.store != nil {
				return pngLayout{}, fmt.Errorf("c2pa: png: more than one manifest store")
			}
			l.store, l.storeAt = chunk[8:8+n], int64(p-12-n)
			continue
		}
		if typ == "IDAT" && l.insert < 0 {
			l.insert = len(l.clean)
		}
		l.clean = append(l.clean, chunk...)
	}
	if l.insert < 0 {
		return pngLayout{}, fmt.Errorf("%w: no IDAT", errPNG)
	}
	return l, nil
}

// caBXChunk wraps a store in one chunk; PNG chunks hold up to 2^31-1 bytes.
func caBXChunk(store []byte) ([]byte, error) {
	if len(store) > 1<<31-1 {
		return nil, errors.New("c2pa: png: manifest store too large")
	}
	out := binary.BigEndian.AppendUint32(nil, uint32(len(store)))
	out = append(append(out, "caBX"...), store...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(out[4:])), nil
}

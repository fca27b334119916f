// Package wavpack walks WavPack blocks ("wvpk", a 32-byte header, then
// metadata sub-blocks) and adds metadata to a block, so a labeled copy
// can carry the source's embedded RIFF header and trailer: the WAV
// chunks (fmt, LIST, bext, cue...) the file was packed from, which
// unpackers restore and exiftool reads.
package wavpack

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// Metadata ids Belgi handles (the function id, optional-data bit
// included, large and odd-size bits excluded).
const (
	IDRIFFHeader   = 0x21
	IDRIFFTrailer  = 0x22
	IDBlockCheck   = 0x2F // a checksum of the whole block
	idLarge        = 0x80
	idOddSize      = 0x40
	idFunctionMask = 0x3F
	headerLen      = 32
	maxBlock       = 1 << 24 // WavPack blocks stay under a megabyte; anything near this is damage
)

// Block locates one block.
type Block struct {
	Offset, Size int64 // the whole block, header included
	// TotalSamples is the stream's length as this block states it; -1
	// when unknown.
	TotalSamples int64
}

// Blocks walks the blocks from the start of r, stopping at the first
// bytes that are not a block (an APEv2 or ID3v1 tag); end is where the
// last block ends.
func Blocks(r io.ReaderAt, size int64) ([]Block, int64, error) {
	var out []Block
	off := int64(0)
	for off+headerLen <= size {
		var h [headerLen]byte
		if _, err := r.ReadAt(h[:], off); err != nil {
			return out, off, fmt.Errorf("wavpack: %w", err)
		}
		if string(h[:4]) != "wvpk" {
			break
		}
		n := int64(binary.LittleEndian.Uint32(h[4:])) + 8
		if n < headerLen || n > maxBlock {
			return out, off, fmt.Errorf("wavpack: the block at byte %d states an impossible size", off)
		}
		if off+n > size {
			return out, off, fmt.Errorf("wavpack: the block at byte %d is cut short: the file is truncated", off)
		}
		out = append(out, Block{Offset: off, Size: n, TotalSamples: totalSamples(h[:])})
		off += n
	}
	if len(out) == 0 {
		return nil, 0, errors.New("wavpack: no WavPack block")
	}
	return out, off, nil
}

// totalSamples reads the 40-bit total (the low 32 bits and the byte
// above them); all ones means unknown.
func totalSamples(h []byte) int64 {
	lo := binary.LittleEndian.Uint32(h[12:])
	if lo == 0xFFFFFFFF {
		return -1
	}
	return int64(h[11])<<32 | int64(lo)
}

// Meta returns the data of the block's first metadata sub-block with
// the function id, nil when there is none.
func Meta(block []byte, id byte) ([]byte, error) {
	var found []byte
	err := walk(block, func(fn byte, data []byte) {
		if fn == id && found == nil {
			found = data
		}
	})
	return found, err
}

// walk calls fn with each sub-block's function id and data.
func walk(block []byte, fn func(id byte, data []byte)) error {
	if len(block) < headerLen || string(block[:4]) != "wvpk" {
		return errors.New("wavpack: not a block")
	}
	for b := block[headerLen:]; len(b) > 0; {
		id, n, h := b[0], 0, 2
		if len(b) < 2 {
			return errors.New("wavpack: a metadata header is cut short")
		}
		n = int(b[1]) * 2
		if id&idLarge != 0 {
			if len(b) < 4 {
				return errors.New("wavpack: a metadata header is cut short")
			}
			n, h = (int(b[1])|int(b[2])<<8|int(b[3])<<16)*2, 4
		}
		if h+n > len(b) {
			return errors.New("wavpack: a metadata sub-block runs past its block")
		}
		data := b[h : h+n]
		if id&idOddSize != 0 && n > 0 {
			data = data[:n-1]
		}
		fn(id&idFunctionMask, data)
		b = b[h+n:]
	}
	return nil
}

// Insert returns the block with a metadata sub-block (id, data) put
// first, after the header, its size updated. A block that carries a
// checksum of itself can't take it, and neither can one that already
// has a sub-block with the id.
func Insert(block []byte, id byte, data []byte) ([]byte, error) {
	var seen, checked bool
	if err := walk(block, func(fn byte, _ []byte) {
		seen = seen || fn == id
		checked = checked || fn == IDBlockCheck
	}); err != nil {
		return nil, err
	}
	if seen || checked {
		return nil, fmt.Errorf("wavpack: the block already has metadata %#x or a checksum of itself", id)
	}
	sub := subBlock(id, data)
	out := make([]byte, 0, len(block)+len(sub))
	out = append(append(append(out, block[:headerLen]...), sub...), block[headerLen:]...)
	if len(out) > maxBlock {
		return nil, errors.New("wavpack: the metadata makes the block too large")
	}
	binary.LittleEndian.PutUint32(out[4:], uint32(len(out)-8))
	return out, nil
}

// subBlock encodes a metadata sub-block: sizes count 16-bit words, an
// odd length is padded and flagged.
func subBlock(id byte, data []byte) []byte {
	words := (len(data) + 1) / 2
	if len(data)%2 == 1 {
		id |= idOddSize
	}
	var b []byte
	if words > 255 {
		b = []byte{id | idLarge, byte(words), byte(words >> 8), byte(words >> 16)}
	} else {
		b = []byte{id, byte(words)}
	}
	b = append(b, data...)
	if len(data)%2 == 1 {
		b = append(b, 0)
	}
	return b
}

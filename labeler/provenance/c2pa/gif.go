package c2pa

import (
	"bytes"
	"errors"
	"fmt"
	"io"
)

// gifContainer carries a store in an application extension with the
// identifier "C2PA_GIF" and authentication code 01 00 00, right after
// the global colour table, where c2pa-rs puts it.
type gifContainer struct{}

var (
	gifC2PAID = []byte("\x21\xFF\x0BC2PA_GIF\x01\x00\x00")
	errGIF    = errors.New("c2pa: gif: malformed blocks")
)

func (gifContainer) Open(r io.ReaderAt, size int64) (Layout, error) {
	data, err := readAll(r, size)
	if err != nil {
		return nil, err
	}
	at, err := gifHeaderLen(data)
	if err != nil {
		return nil, err
	}
	clean, store, err := gifWithoutStore(data, at)
	if err != nil {
		return nil, err
	}
	copy(clean[3:6], "89a") // application extensions are GIF89a
	return spliced{clean: clean, at: at, old: store, oldAt: -1, frame: gifFrame}, nil
}

// gifHeaderLen is the length of the header, screen descriptor and global
// colour table.
func gifHeaderLen(d []byte) (int, error) {
	if len(d) < 13 || !isGIF(d) {
		return 0, fmt.Errorf("%w: no GIF header", errGIF)
	}
	n := 13
	if d[10]&0x80 != 0 {
		n += 3 << (d[10]&7 + 1)
	}
	if n > len(d) {
		return 0, fmt.Errorf("%w: truncated colour table", errGIF)
	}
	return n, nil
}

// gifWithoutStore walks the blocks after the header, lifting out C2PA
// extensions; the first one's data is the store.
func gifWithoutStore(d []byte, p int) (clean, store []byte, err error) {
	clean = append([]byte{}, d[:p]...)
	for p < len(d) {
		end, err := gifBlockEnd(d, p)
		if err != nil {
			return nil, nil, err
		}
		if bytes.HasPrefix(d[p:end], gifC2PAID) {
			if store != nil {
				return nil, nil, errors.New("c2pa: gif: more than one manifest store")
			}
			store, _ = joinSubBlocks(d[p+len(gifC2PAID) : end])
		} else {
			clean = append(clean, d[p:end]...)
		}
		if d[p] == 0x3B {
			clean = append(clean, d[end:]...)
			break
		}
		p = end
	}
	return clean, store, nil
}

// gifBlockEnd returns where the block at p ends.
func gifBlockEnd(d []byte, p int) (int, error) {
	switch d[p] {
	case 0x3B:
		return p + 1, nil
	case 0x21:
		if p+2 > len(d) {
			return 0, errGIF
		}
		return skipSubBlocks(d, p+2)
	case 0x2C:
		q := p + 10
		if q > len(d) {
			return 0, errGIF
		}
		if d[p+9]&0x80 != 0 {
			q += 3 << (d[p+9]&7 + 1)
		}
		return skipSubBlocks(d, q+1) // after the LZW minimum code size
	}
	return 0, fmt.Errorf("%w: unknown block 0x%02X at %d", errGIF, d[p], p)
}

// skipSubBlocks returns the offset after the sub-blocks starting at p and
// their zero terminator.
func skipSubBlocks(d []byte, p int) (int, error) {
	for {
		if p >= len(d) {
			return 0, fmt.Errorf("%w: unterminated data", errGIF)
		}
		n := int(d[p])
		p += 1 + n
		if n == 0 {
			return p, nil
		}
	}
}

// joinSubBlocks concatenates data sub-blocks (up to the terminator).
func joinSubBlocks(b []byte) ([]byte, bool) {
	var out []byte
	for len(b) > 0 && b[0] != 0 {
		n := int(b[0])
		if 1+n > len(b) {
			return out, false
		}
		out = append(out, b[1:1+n]...)
		b = b[1+n:]
	}
	return out, true
}

// gifFrame is the application extension carrying store.
func gifFrame(store []byte) ([]byte, error) {
	out := append([]byte{}, gifC2PAID...)
	for len(store) > 0 {
		n := min(len(store), 255)
		out = append(append(out, byte(n)), store[:n]...)
		store = store[n:]
	}
	return append(out, 0), nil
}

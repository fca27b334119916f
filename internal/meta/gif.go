package meta

import (
	"bytes"
	"errors"
	"fmt"
	"io"
)

// gifBlock is one top-level block after the header: where it starts and
// ends, and for application extensions their 11-byte identifier.
type gifBlock struct {
	start, end int
	appID      string
}

var gifXMPID = "XMP DataXMP"

// gifMagic is the 258-byte trailer the XMP specification (part 3, 1.1.2)
// puts after a raw packet: a reader skipping sub-blocks, landing anywhere
// in the packet, is led down this ramp to the block terminator.
var gifMagic = func() []byte {
	b := make([]byte, 0, 258)
	b = append(b, 0x01)
	for i := 0xFF; i >= 0; i-- {
		b = append(b, byte(i))
	}
	return append(b, 0x00)
}()

// gifHeaderEnd is the offset past the header, screen descriptor and global
// colour table.
func gifHeaderEnd(data []byte) (int, error) {
	if len(data) < 13 || (string(data[:6]) != "GIF87a" && string(data[:6]) != "GIF89a") {
		return 0, errors.New("meta: gif: no GIF header")
	}
	p := 13
	if data[10]&0x80 != 0 {
		p += 3 << (data[10]&7 + 1)
	}
	if p > len(data) {
		return 0, errors.New("meta: gif: global colour table truncated")
	}
	return p, nil
}

// walkGIF lists the blocks between the header and the trailer.
func walkGIF(data []byte) (int, []gifBlock, error) {
	hdr, err := gifHeaderEnd(data)
	if err != nil {
		return 0, nil, err
	}
	var out []gifBlock
	for p := hdr; ; {
		if p >= len(data) {
			return 0, nil, fmt.Errorf("meta: gif: no trailer (file ends at %d)", p)
		}
		b := gifBlock{start: p}
		switch data[p] {
		case 0x3B:
			return hdr, out, nil
		case 0x21:
			p, err = gifExtension(data, p, &b)
		case 0x2C:
			p, err = gifImage(data, p)
		default:
			err = fmt.Errorf("unknown block 0x%02X", data[p])
		}
		if err != nil {
			return 0, nil, fmt.Errorf("meta: gif: block at offset %d: %w", b.start, err)
		}
		b.end = p
		out = append(out, b)
	}
}

func gifExtension(data []byte, p int, b *gifBlock) (int, error) {
	if p+2 >= len(data) {
		return 0, io.ErrUnexpectedEOF
	}
	if data[p+1] == 0xFF && data[p+2] == 11 && p+14 <= len(data) {
		b.appID = string(data[p+3 : p+14])
		return skipSubBlocks(data, p+14)
	}
	return skipSubBlocks(data, p+2)
}

func gifImage(data []byte, p int) (int, error) {
	if p+10 > len(data) {
		return 0, io.ErrUnexpectedEOF
	}
	flags := data[p+9]
	p += 10
	if flags&0x80 != 0 {
		p += 3 << (flags&7 + 1)
	}
	return skipSubBlocks(data, p+1) // +1: LZW minimum code size
}

// skipSubBlocks returns the offset after the block terminator at p's chain.
func skipSubBlocks(data []byte, p int) (int, error) {
	for {
		if p >= len(data) {
			return 0, io.ErrUnexpectedEOF
		}
		n := int(data[p])
		p++
		if n == 0 {
			return p, nil
		}
		p += n
	}
}

// ReadGIFXMP returns the packet of the first XMP application extension,
// nil if there is none.
func ReadGIFXMP(data []byte) ([]byte, error) {
	_, blocks, err := walkGIF(data)
	if err != nil {
		return nil, err
	}
	for _, b := range blocks {
		if b.appID != gifXMPID {
			continue
		}
		body := data[b.start+14 : b.end]
		if !bytes.HasSuffix(body, gifMagic) {
			return nil, fmt.Errorf("meta: gif: XMP extension at offset %d lacks its magic trailer", b.start)
		}
		return bytes.Clone(body[:len(body)-len(gifMagic)]), nil
	}
	return nil, nil
}

// SpliceGIF writes encoded with xmp as an XMP application extension right
// after the global colour table (and a leading NETSCAPE loop extension),
// removing any previous XMP extension. A GIF87a header becomes GIF89a,
// the version that has extensions.
func SpliceGIF(w io.Writer, encoded, xmp []byte) error {
	if len(xmp) == 0 || bytes.IndexByte(xmp, 0) >= 0 {
		return errors.New("meta: gif: XMP packet must be non-empty and hold no NUL byte")
	}
	hdr, blocks, err := walkGIF(encoded)
	if err != nil {
		return err
	}
	at := hdr
	if len(blocks) > 0 && (blocks[0].appID == "NETSCAPE2.0" || blocks[0].appID == "ANIMEXTS1.0") {
		at = blocks[0].end
	}
	var b bytes.Buffer
	b.Write(encoded[:at])
	copy(b.Bytes()[3:6], "89a")
	b.Write([]byte{0x21, 0xFF, 11})
	b.WriteString(gifXMPID)
	b.Write(xmp)
	b.Write(gifMagic)
	p := at
	for _, blk := range blocks {
		if blk.appID == gifXMPID && blk.start >= at {
			b.Write(encoded[p:blk.start])
			p = blk.end
		}
	}
	b.Write(encoded[p:])
	_, err = w.Write(b.Bytes())
	return err
}

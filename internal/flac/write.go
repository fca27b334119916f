package flac

import (
	"encoding/binary"
	"errors"
	"io"
)

// RawBlock is a metadata block to write: its type and body.
type RawBlock struct {
	Type int
	Body []byte
}

// ReadBlock returns the body of block b.
func ReadBlock(r io.ReaderAt, b Block) ([]byte, error) {
	if b.Size > maxComments*4 {
		return nil, errors.New("flac: a metadata block is implausibly large")
	}
	body := make([]byte, b.Size)
	_, err := r.ReadAt(body, b.Offset)
	return body, err
}

// WriteHeader writes "fLaC" and the blocks, the last one flagged last;
// audio frames follow.
func WriteHeader(w io.Writer, blocks []RawBlock) error {
	if len(blocks) == 0 || blocks[0].Type != TypeStreamInfo {
		return errors.New("flac: the first metadata block must be STREAMINFO")
	}
	out := []byte("fLaC")
	for i, b := range blocks {
		if len(b.Body) >= 1<<24 {
			return errors.New("flac: a metadata block over 16 MiB")
		}
		t := byte(b.Type)
		if i == len(blocks)-1 {
			t |= 0x80
		}
		n := len(b.Body)
		out = append(out, t, byte(n>>16), byte(n>>8), byte(n))
		out = append(out, b.Body...)
	}
	_, err := w.Write(out)
	return err
}

// Comments encodes a Vorbis comment block: vendor, then each
// "KEY=value".
func Comments(vendor string, comments []string) []byte {
	le := binary.LittleEndian
	b := le.AppendUint32(nil, uint32(len(vendor)))
	b = append(b, vendor...)
	b = le.AppendUint32(b, uint32(len(comments)))
	for _, c := range comments {
		b = le.AppendUint32(b, uint32(len(c)))
		b = append(b, c...)
	}
	return b
}

// Vendor reads the vendor string of a Vorbis comment block.
func Vendor(b []byte) string {
	if len(b) < 4 {
		return ""
	}
	n := binary.LittleEndian.Uint32(b)
	if uint64(n) > uint64(len(b)-4) {
		return ""
	}
	return string(b[4 : 4+n])
}

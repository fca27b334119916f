package audio

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"os"

	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/provenance"
)

// scanSpan is how much of a file's start and end inspectOther reads:
// Vorbis comments sit near the start, an M4A's uuid box at the end.
const scanSpan = 1 << 20

// inspectOther finds the XMP packet in a FLAC, Ogg or M4A file without
// parsing the container, by scanning its first and last megabyte.
func inspectOther(path, format string) (labeler.Report, error) {
	b, err := headTail(path)
	if err != nil {
		return labeler.Report{}, err
	}
	return report(format, provenance.Extract(b)), nil
}

// existingXMP is the XMP packet a FLAC/Ogg/M4A input already carries.
func existingXMP(path string) []byte {
	b, err := headTail(path)
	if err != nil {
		return nil
	}
	return provenance.Extract(b)
}

func headTail(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("audio: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("audio: %w", err)
	}
	if st.Size() <= 2*scanSpan {
		return io.ReadAll(f)
	}
	b := make([]byte, 2*scanSpan)
	if _, err := f.ReadAt(b[:scanSpan], 0); err != nil {
		return nil, fmt.Errorf("audio: %w", err)
	}
	if _, err := f.ReadAt(b[scanSpan:], st.Size()-scanSpan); err != nil {
		return nil, fmt.Errorf("audio: %w", err)
	}
	return b, nil
}

// xmpUUID identifies an XMP box in ISO base media files.
var xmpUUID = []byte{0xBE, 0x7A, 0xCF, 0xCB, 0x97, 0xA9, 0x42, 0xE8, 0x9C, 0x71, 0x99, 0x94, 0x91, 0xE3, 0xAF, 0xAC}

// appendXMPBox adds a top-level uuid box with the XMP packet at the end
// of an M4A file: nothing before it moves, so no offsets change.
func appendXMPBox(path string, xmp []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return fmt.Errorf("audio: %w", err)
	}
	var box bytes.Buffer
	binary.Write(&box, binary.BigEndian, uint32(8+16+len(xmp)))
	box.WriteString("uuid")
	box.Write(xmpUUID)
	box.Write(xmp)
	if _, err := f.Write(box.Bytes()); err != nil {
		f.Close()
		return fmt.Errorf("audio: writing the XMP box: %w", err)
	}
	return f.Close()
}

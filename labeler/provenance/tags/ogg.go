package tags

import (
	"bytes"
	"encoding/binary"
	"io"
)

// maxOggPages bounds how far into an Ogg file the comment header is
// looked for: it is the second packet, normally on the first pages.
const maxOggPages = 256

// readOgg reassembles the first two packets of the first logical stream
// and reads the comment header: Vorbis, Opus or Ogg FLAC.
func readOgg(r io.ReaderAt, size int64) ([]Tag, error) {
	packets, err := oggPackets(r, size, 2)
	if len(packets) < 2 {
		return nil, err
	}
	first, c := packets[0], packets[1]
	switch {
	case bytes.HasPrefix(c, []byte("\x03vorbis")):
		return VorbisComments(c[7:])
	case bytes.HasPrefix(c, []byte("OpusTags")):
		return VorbisComments(c[8:])
	case bytes.HasPrefix(first, []byte("\x7FFLAC")) && len(c) > 4 && c[0]&0x7F == 4:
		return VorbisComments(c[4:])
	case bytes.HasPrefix(first, []byte("Speex")):
		return VorbisComments(c)
	}
	return nil, nil
}

// oggPackets returns the first want packets of the first stream.
func oggPackets(r io.ReaderAt, size int64, want int) ([][]byte, error) {
	var packets [][]byte
	var cur []byte
	serial := uint32(0)
	p := int64(0)
	for page := 0; page < maxOggPages && p+27 <= size && len(packets) < want; page++ {
		var h [27]byte
		if _, err := r.ReadAt(h[:], p); err != nil || string(h[:4]) != "OggS" {
			return packets, errTruncated
		}
		if page == 0 {
			serial = binary.LittleEndian.Uint32(h[14:])
		}
		lacing := make([]byte, h[26])
		if _, err := r.ReadAt(lacing, p+27); err != nil {
			return packets, errTruncated
		}
		body := p + 27 + int64(len(lacing))
		total := int64(0)
		for _, l := range lacing {
			total += int64(l)
		}
		if body+total > size || len(cur) > maxTag {
			return packets, errTruncated
		}
		if binary.LittleEndian.Uint32(h[14:]) == serial {
			data := make([]byte, total)
			if _, err := r.ReadAt(data, body); err != nil {
				return packets, errTruncated
			}
			packets, cur = splitPackets(data, lacing, packets, cur)
		}
		p = body + total
	}
	return packets, nil
}

// splitPackets cuts a page's data into packets by its lacing values; a
// packet whose last lacing value is 255 continues on the next page.
func splitPackets(data, lacing []byte, packets [][]byte, cur []byte) ([][]byte, []byte) {
	off := 0
	for _, l := range lacing {
		cur = append(cur, data[off:off+int(l)]...)
		off += int(l)
		if l < 255 {
			packets = append(packets, cur)
			cur = nil
		}
	}
	return packets, cur
}

package video

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
)

// Smart render joins segments with ffmpeg's concat demuxer, which takes
// the codec set-up (avcC, hvcC) of the first segment for the whole
// stream. Before joining, that record is replaced in the first segment,
// one of Belgi's own intermediate MP4 files, by one that lists the
// parameter sets of every segment.

// configPath leads from moov's payload to the codec configuration box of
// the first track's first sample entry; "*" is any box.
var configPath = []string{"trak", "mdia", "minf", "stbl", "stsd", "*"}

// headerSkip is how many bytes of a box's payload come before its
// children: stsd's version and count, a visual sample entry's fields.
func headerSkip(typ string) int {
	switch typ {
	case "stsd":
		return 8
	case "avc1", "avc3", "hvc1", "hev1":
		return 78
	}
	return 0
}

// replaceCodecConfig rewrites the payload of the box typ ("avcC",
// "hvcC") in the first track of an MP4 whose moov is its last box, so
// that nothing before it moves.
func replaceCodecConfig(path, typ string, payload []byte) error {
	f, _, boxes, err := openBoxes(path, os.O_RDWR)
	if err != nil {
		return err
	}
	defer f.Close()
	last := boxes[len(boxes)-1]
	if last.typ != "moov" || last.size > 64<<20 {
		return errors.New("the segment's moov is not its last box")
	}
	moov := make([]byte, last.size-last.header)
	if _, err := f.ReadAt(moov, last.off+last.header); err != nil {
		return err
	}
	path2 := append(append([]string{}, configPath...), typ)
	body, err := editChild(moov, path2, 0, func([]byte) []byte { return payload })
	if err != nil {
		return err
	}
	if err := f.Truncate(last.off); err != nil {
		return err
	}
	if _, err := f.WriteAt(boxBytes("moov", body), last.off); err != nil {
		return err
	}
	return f.Close()
}

// editChild returns b (a box payload whose children start at skip) with
// the first child matching path[0] rebuilt: its own children edited
// further down the path, or its payload replaced at the end of it.
func editChild(b []byte, path []string, skip int, edit func([]byte) []byte) ([]byte, error) {
	for off := skip; off+8 <= len(b); {
		size := int(binary.BigEndian.Uint32(b[off:]))
		typ := string(b[off+4 : off+8])
		if size < 8 || off+size > len(b) {
			return nil, fmt.Errorf("a %q box runs past its parent", typ)
		}
		if path[0] == "*" || typ == path[0] {
			payload := b[off+8 : off+size]
			var inner []byte
			if len(path) == 1 {
				inner = edit(payload)
			} else {
				var err error
				if inner, err = editChild(payload, path[1:], headerSkip(typ), edit); err != nil {
					return nil, err
				}
			}
			out := append(append([]byte{}, b[:off]...), boxBytes(typ, inner)...)
			return append(out, b[off+size:]...), nil
		}
		off += size
	}
	return nil, fmt.Errorf("no %q box", path[0])
}

// boxBytes is a box with a 32-bit size.
func boxBytes(typ string, payload []byte) []byte {
	out := binary.BigEndian.AppendUint32(nil, uint32(8+len(payload)))
	return append(append(out, typ...), payload...)
}

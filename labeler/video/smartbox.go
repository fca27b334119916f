package video

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"

	"github.com/belgi-kz/belgi/internal/bmff"
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
// "hvcC") in the first track of an MP4. The movie header is replaced
// where it lies or appended, so no sample data moves.
func replaceCodecConfig(path, typ string, payload []byte) error {
	f, file, err := bmff.OpenFile(path, os.O_RDONLY)
	if err != nil {
		return err
	}
	f.Close()
	if file.Moov == nil || len(file.Moov) > 64<<20 {
		return errors.New("the segment has no movie header Belgi can edit")
	}
	path2 := append(append([]string{}, configPath...), typ)
	body, err := editChild(file.Moov, path2, 0, func([]byte) []byte { return payload })
	if err != nil {
		return err
	}
	return bmff.ReplaceMoov(path, body)
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
			out := append(append([]byte{}, b[:off]...), bmff.Make(typ, inner)...)
			return append(out, b[off+size:]...), nil
		}
		off += size
	}
	return nil, fmt.Errorf("no %q box", path[0])
}

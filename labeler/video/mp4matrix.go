package video

import (
	"encoding/binary"
	"errors"
	"os"
)

// ffmpeg 5.1 drops a stream's display matrix when the picture passes
// through -filter_complex, and honours "-metadata rotate" only when
// copying. So for MP4/MOV the source's track matrix is written into the
// labeled copy's video track header after ffmpeg finishes: a fixed-size,
// in-place edit that moves nothing, and keeps rotation, flips and all
// exactly as the source had them.

// videoMatrix returns the file offset and bytes of the n-th video
// track's transformation matrix (tkhd), or ok=false.
func videoMatrix(f *os.File, n int) (off int64, matrix []byte, ok bool) {
	st, err := f.Stat()
	if err != nil {
		return 0, nil, false
	}
	boxes, _ := topBoxes(f, st.Size())
	for _, b := range boxes {
		if b.typ != "moov" || b.size > 256<<20 {
			continue
		}
		moov := make([]byte, b.size-b.header)
		if _, err := f.ReadAt(moov, b.off+b.header); err != nil {
			return 0, nil, false
		}
		rel, ok := tkhdMatrix(moov, n)
		if !ok {
			return 0, nil, false
		}
		return b.off + b.header + int64(rel), moov[rel : rel+36], true
	}
	return 0, nil, false
}

// tkhdMatrix finds, inside moov's payload, the matrix of the n-th trak
// whose handler is "vide"; it returns the matrix's offset in moov.
func tkhdMatrix(moov []byte, n int) (int, bool) {
	for _, trak := range children(moov, 0, "trak") {
		body := moov[trak[0]:trak[1]]
		if !isVideoTrak(body) {
			continue
		}
		if n > 0 {
			n--
			continue
		}
		tk := children(body, 0, "tkhd")
		if len(tk) == 0 {
			return 0, false
		}
		at := tk[0][0] + 4 + 36 // version/flags, then v0 fields
		if body[tk[0][0]] == 1 {
			at += 12 // 64-bit times and duration
		}
		if at+36 > tk[0][1] {
			return 0, false
		}
		return trak[0] + at, true
	}
	return 0, false
}

func isVideoTrak(trak []byte) bool {
	for _, m := range children(trak, 0, "mdia") {
		for _, h := range children(trak[m[0]:m[1]], 0, "hdlr") {
			p := trak[m[0]+h[0] : m[0]+h[1]]
			if len(p) >= 12 && string(p[8:12]) == "vide" {
				return true
			}
		}
	}
	return false
}

// children lists the payload ranges [start, end) of the child boxes of
// type typ in b, starting at off.
func children(b []byte, off int, typ string) [][2]int {
	var out [][2]int
	for off+8 <= len(b) {
		size := int(binary.BigEndian.Uint32(b[off:]))
		head := 8
		if size == 1 && off+16 <= len(b) {
			size, head = int(binary.BigEndian.Uint64(b[off+8:])), 16
		}
		if size < head || off+size > len(b) {
			break
		}
		if string(b[off+4:off+8]) == typ {
			out = append(out, [2]int{off + head, off + size})
		}
		off += size
	}
	return out
}

// copyMatrix writes the source's video track matrix into the output's
// first video track.
func copyMatrix(src string, vIndex int, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	_, m, ok := videoMatrix(in, vIndex)
	if !ok {
		return errors.New("the source's track header has no readable matrix")
	}
	out, err := os.OpenFile(dst, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer out.Close()
	off, _, ok := videoMatrix(out, 0)
	if !ok {
		return errors.New("the labeled copy's track header has no readable matrix")
	}
	if _, err := out.WriteAt(m, off); err != nil {
		return err
	}
	return out.Close()
}

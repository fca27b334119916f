package video

import (
	"errors"
	"os"

	"github.com/belgi-kz/belgi/internal/bmff"
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
	m, err := bmff.Open(f, st.Size())
	if err != nil {
		return 0, nil, false
	}
	t, found := m.FindTrack("vide", n)
	at := t.MatrixOffset()
	if !found || at < 0 {
		return 0, nil, false
	}
	moov, _ := bmff.Find(m.Top, "moov")
	body, _ := moov.Body()
	return body + t.Offset + int64(at), t.Payload[at : at+36], true
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

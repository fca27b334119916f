package image

import (
	"io"
	"os"

	"github.com/belgi-kz/belgi/internal/meta"
)

// inspected reads what Inspect needs of a picture: a JPEG's header
// segments up to its first scan (metadata, size and orientation are all
// there), read in growing prefixes, or the whole file for every other
// format and for a JPEG whose header does not end where it should. A
// batch inspects each input (is it labeled already?) and each output (the
// read-back), so a photo's scan is not read twice more for nothing.
func inspected(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	size := st.Size()
	for n := min(size, 1<<16); ; {
		head := make([]byte, n)
		k, err := f.ReadAt(head, 0)
		if err != nil && err != io.EOF {
			return nil, err
		}
		if n == size || k < len(head) { // the whole file (it may have shrunk)
			return head[:k], nil
		}
		if format, _ := sniffFormat(head); format != fmtJPEG {
			n = size
			continue
		}
		if end, ok := meta.JPEGHeaderEnd(head); ok {
			return head[:end], nil
		}
		n = min(size, n*4)
	}
}

package c2pa

import (
	"bytes"
	"io"
	"testing"

	"github.com/belgi-kz/belgi/labeler"
)

// countingReaderAt counts the bytes read through it.
type countingReaderAt struct {
	r io.ReaderAt
	n int64
}

func (c *countingReaderAt) ReadAt(p []byte, off int64) (int, error) {
	n, err := c.r.ReadAt(p, off)
	c.n += int64(n)
	return n, err
}

// TestJPEGOpenReadsTheHeaderOnly: opening a signed photo for its store
// reads its header segments, not its scan, and signing it again streams
// the scan through unchanged.
func TestJPEGOpenReadsTheHeaderOnly(t *testing.T) {
	s, _ := devIdentity(t)
	signed := signBytes(t, asset(t, "jpeg"), "jpeg", ManifestFor(specFor(labeler.Generated), "in", ""), s)
	l0, err := parseJPEG(signed)
	if err != nil {
		t.Fatal(err)
	}
	// A 4 MiB scan after the header: the part Open must leave unread.
	scan := bytes.Repeat([]byte{0x12, 0x34, 0x56, 0x78}, 1<<20)
	big := append(append(append([]byte{}, signed[:len(signed)-2]...), scan...), 0xFF, 0xD9)
	c := &countingReaderAt{r: bytes.NewReader(big)}
	l, err := jpegContainer{}.Open(c, int64(len(big)))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(l.Store(), l0.store) {
		t.Error("the store read from the prefix differs from the whole file's")
	}
	if c.n > 1<<20 {
		t.Errorf("Open read %d bytes of a %d-byte photo", c.n, len(big))
	}
	var out bytes.Buffer
	if _, err := l.Reserve(&out, 100); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasSuffix(out.Bytes(), append(append([]byte{}, scan...), 0xFF, 0xD9)) {
		t.Error("the scan was not written through whole")
	}
	if out.Len() != len(big)-(len(signed)-len(l0.clean))+reservedLen(t, l, 100) {
		t.Errorf("reserved file is %d bytes", out.Len())
	}
}

// reservedLen is how many bytes a layout's frame for an n-byte store takes.
func reservedLen(t *testing.T, l Layout, n int) int {
	f, err := l.Wrap(make([]byte, n))
	if err != nil {
		t.Fatal(err)
	}
	return len(f)
}

package meta

import (
	"bytes"
	"strings"
	"testing"
)

// withDNL turns a baseline JPEG into the form some scanners write: height
// 0 in the frame header, the number of lines in a DNL segment after the
// first scan.
func withDNL(t testing.TB, jpg []byte, lines uint16) []byte {
	f, err := WalkJPEG(jpg)
	if err != nil {
		t.Fatal(err)
	}
	out := bytes.Clone(jpg[:f.EOI])
	for _, m := range f.Marks {
		if isSOF(m.Marker) {
			out[m.Off+5], out[m.Off+6] = 0, 0
		}
	}
	out = append(out, 0xFF, mDNL, 0, 4, byte(lines>>8), byte(lines))
	return append(out, jpg[f.EOI:]...)
}

func TestResolveDNL(t *testing.T) {
	jpg := encodeJPEG(t, testImage(16, 8))
	dnl := withDNL(t, jpg, 8)
	noDNL := bytes.Clone(dnl[:len(dnl)-8])
	noDNL = append(noDNL, 0xFF, 0xD9)
	for _, c := range []struct {
		name    string
		in      []byte
		want    []byte
		changed bool
		err     string
	}{
		{"height in a DNL segment", dnl, jpg, true, ""},
		{"ordinary file", jpg, jpg, false, ""},
		{"height 0, no DNL", noDNL, nil, false, "no DNL segment"},
		{"DNL says 0", withDNL(t, jpg, 0), nil, false, "0 lines"},
		{"truncated: for the decoder to report", dnl[:len(dnl)/2], dnl[:len(dnl)/2], false, ""},
	} {
		got, changed, err := ResolveDNL(c.in)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%s: error %v, want %q", c.name, err, c.err)
			}
			continue
		}
		if err != nil || changed != c.changed || !bytes.Equal(got, c.want) {
			t.Errorf("%s: changed %v, %d bytes (want %d), %v", c.name, changed, len(got), len(c.want), err)
		}
	}
}

package c2pa

import (
	"testing"

	"github.com/belgi-kz/belgi/labeler"
)

// FuzzRead: Read must never panic or hang on hostile files. The table's
// outputs seed it, so the fuzzer starts from real manifest stores.
func FuzzRead(f *testing.F) {
	s, _ := devIdentity(f)
	for _, c := range embedCases() {
		if c.title == "" && (c.format == "jpeg" || c.format == "png") {
			f.Add(c.build(f, s))
		}
	}
	f.Add([]byte{0xFF, 0xD8, 0xFF, 0xEB, 0x00, 0x10, 'J', 'P'})
	f.Add(append([]byte{}, pngSignature...))
	f.Fuzz(func(t *testing.T, data []byte) {
		fnd, err := Read(data)
		if err == nil {
			var r labeler.Report
			fnd.Report(&r)
		}
	})
}

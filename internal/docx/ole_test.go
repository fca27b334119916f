package docx

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf16"
)

// cfb writes the smallest OLE compound file whose directory holds names:
// a header, one FAT sector and one directory sector.
func cfb(names ...string) []byte {
	b := make([]byte, 512*3)
	copy(b, OLEMagic)
	le := binary.LittleEndian
	le.PutUint16(b[0x18:], 0x3E)
	le.PutUint16(b[0x1A:], 3)
	le.PutUint16(b[0x1C:], 0xFFFE)
	le.PutUint16(b[0x1E:], 9)
	le.PutUint16(b[0x20:], 6)
	le.PutUint32(b[0x2C:], 1)          // one FAT sector
	le.PutUint32(b[0x30:], 1)          // directory in sector 1
	le.PutUint32(b[0x3C:], 0xFFFFFFFE) // no mini FAT
	le.PutUint32(b[0x44:], 0xFFFFFFFE) // no DIFAT sectors
	for i := range 109 {
		le.PutUint32(b[0x4C+4*i:], 0xFFFFFFFF)
	}
	le.PutUint32(b[0x4C:], 0) // the FAT is sector 0
	fat := b[512:1024]
	for i := 0; i < 128; i++ {
		le.PutUint32(fat[4*i:], 0xFFFFFFFF)
	}
	le.PutUint32(fat[0:], 0xFFFFFFFD)
	le.PutUint32(fat[4:], 0xFFFFFFFE)
	dir := b[1024:]
	for i, n := range append([]string{"Root Entry"}, names...) {
		e := dir[128*i:]
		u := utf16.Encode([]rune(n))
		for j, c := range u {
			le.PutUint16(e[2*j:], c)
		}
		le.PutUint16(e[64:], uint16(2*len(u)+2))
		e[66] = 2
		if i == 0 {
			e[66] = 5
		}
	}
	return b
}

func TestOLEKind(t *testing.T) {
	cases := []struct {
		names []string
		want  string
	}{
		{[]string{"\x06DataSpaces", "EncryptionInfo", "EncryptedPackage"}, OLEEncrypted},
		{[]string{"\x06DataSpaces", "DRMEncryptedDataSpace", "EncryptedPackage"}, OLERights},
		{[]string{"WordDocument", "1Table", "\x05SummaryInformation"}, OLEWord97},
		{[]string{"Workbook"}, OLEOther},
	}
	for _, tc := range cases {
		path := filepath.Join(t.TempDir(), "x.docx")
		os.WriteFile(path, cfb(tc.names...), 0o644)
		got, err := OLEKind(path)
		if err != nil || got != tc.want {
			t.Errorf("%q: %q, %v; want %q", tc.names, got, err, tc.want)
		}
	}
	path := filepath.Join(t.TempDir(), "cut.doc")
	os.WriteFile(path, cfb("WordDocument")[:600], 0o644)
	if _, err := OLEKind(path); err == nil {
		t.Error("a truncated compound file read")
	}
}

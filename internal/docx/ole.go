package docx

import (
	"encoding/binary"
	"errors"
	"io"
	"os"
	"unicode/utf16"
)

// OLEMagic starts every OLE compound file: legacy .doc, and the wrapper
// Office puts around an encrypted or rights-managed DOCX.
var OLEMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// OLE compound-file kinds that OLEKind tells apart.
const (
	OLEEncrypted = "encrypted" // a password-protected DOCX (EncryptedPackage)
	OLERights    = "irm"       // a DOCX under Information Rights Management
	OLEWord97    = "doc"       // a legacy Word 97–2003 document
	OLEOther     = "ole"       // another legacy Office file (.xls, .ppt, .msg…)
)

// maxOLESectors bounds the directory and FAT walks.
const maxOLESectors = 1 << 16

// OLEKind reads the directory of the OLE compound file at path and says
// what it holds, from the names of its streams.
func OLEKind(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	names, err := oleNames(f)
	if err != nil {
		return "", err
	}
	has := func(n string) bool { return names[n] }
	switch {
	case has("DRMEncryptedDataSpace") || has("\tDRMEncryptedTransform") || has("DRMContent"):
		return OLERights, nil
	case has("EncryptedPackage"):
		return OLEEncrypted, nil
	case has("WordDocument"):
		return OLEWord97, nil
	}
	return OLEOther, nil
}

// oleNames lists the names in a compound file's directory, following the
// directory's sector chain through the FAT.
func oleNames(r io.ReaderAt) (map[string]bool, error) {
	var h [512]byte
	if _, err := r.ReadAt(h[:], 0); err != nil {
		return nil, errors.New("OLE header truncated")
	}
	shift := binary.LittleEndian.Uint16(h[0x1E:])
	if shift != 9 && shift != 12 {
		return nil, errors.New("OLE header damaged")
	}
	size := int64(1) << shift
	fat, err := readFAT(r, h[:], size)
	if err != nil {
		return nil, err
	}
	names := map[string]bool{}
	sec := binary.LittleEndian.Uint32(h[0x30:])
	buf := make([]byte, size)
	for n := 0; sec < uint32(len(fat)) && n < maxOLESectors; n++ {
		if _, err := r.ReadAt(buf, (int64(sec)+1)*size); err != nil {
			return nil, errors.New("OLE directory truncated")
		}
		for e := 0; e+128 <= len(buf); e += 128 {
			if name := entryName(buf[e : e+128]); name != "" {
				names[name] = true
			}
		}
		sec = fat[sec]
	}
	return names, nil
}

// readFAT reads the sectors the header's DIFAT lists (the first 109 FAT
// sectors: 7 MiB of 512-byte sectors, more than any document here).
func readFAT(r io.ReaderAt, h []byte, size int64) ([]uint32, error) {
	count := min(binary.LittleEndian.Uint32(h[0x2C:]), 109)
	var fat []uint32
	buf := make([]byte, size)
	for i := range count {
		sec := binary.LittleEndian.Uint32(h[0x4C+4*i:])
		if _, err := r.ReadAt(buf, (int64(sec)+1)*size); err != nil {
			return nil, errors.New("OLE allocation table truncated")
		}
		for j := 0; j+4 <= len(buf); j += 4 {
			fat = append(fat, binary.LittleEndian.Uint32(buf[j:]))
		}
	}
	return fat, nil
}

// entryName decodes a directory entry's UTF-16 name.
func entryName(e []byte) string {
	n := int(binary.LittleEndian.Uint16(e[64:]))
	if n < 2 || n > 64 || e[66] == 0 {
		return ""
	}
	units := make([]uint16, n/2-1)
	for i := range units {
		units[i] = binary.LittleEndian.Uint16(e[2*i:])
	}
	return string(utf16.Decode(units))
}

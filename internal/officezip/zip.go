package officezip

import (
	"archive/zip"
	"bytes"

	"fmt"
	"io"
	"path"
	"strings"
)

// Limits on what a document may contain. Real documents stay far below them;
// a zip bomb does not.
const (
	MaxEntries    = 10000
	MaxEntrySize  = 256 << 20 // uncompressed bytes of one entry
	MaxTotalSize  = 1 << 30   // uncompressed bytes of all entries
	MaxRatio      = 200       // uncompressed / compressed, for entries over 1 MiB
	ratioFreeSize = 1 << 20
)

// CheckArchive refuses archives that could escape a folder or exhaust
// memory, before any entry is decompressed.
func CheckArchive(r *zip.Reader) error {
	if len(r.File) > MaxEntries {
		return fmt.Errorf("%d zip entries; more than %d is refused", len(r.File), MaxEntries)
	}
	var total uint64
	for _, f := range r.File {
		if err := CheckEntry(f); err != nil {
			return err
		}
		total += f.UncompressedSize64
		if total > MaxTotalSize {
			return fmt.Errorf("entries add up to more than %d MiB uncompressed; refused as a possible zip bomb", MaxTotalSize>>20)
		}
	}
	return nil
}

func CheckEntry(f *zip.File) error {
	if err := safeName(f.Name); err != nil {
		return err
	}
	if f.UncompressedSize64 > MaxEntrySize {
		return fmt.Errorf("entry %q is %d MiB uncompressed; more than %d MiB is refused", f.Name, f.UncompressedSize64>>20, MaxEntrySize>>20)
	}
	if f.UncompressedSize64 > ratioFreeSize && f.UncompressedSize64 > MaxRatio*f.CompressedSize64 {
		return fmt.Errorf("entry %q expands more than %d times; refused as a possible zip bomb", f.Name, MaxRatio)
	}
	return nil
}

// safeName refuses entry names that would leave the folder they were
// extracted to: absolute paths, drive letters, backslashes and "..".
func safeName(name string) error {
	bad := name == "" || strings.HasPrefix(name, "/") || strings.Contains(name, "\\") ||
		strings.Contains(name, ":") || strings.ContainsRune(name, 0)
	for _, part := range strings.Split(name, "/") {
		bad = bad || part == ".."
	}
	if bad || path.Clean(name) != strings.TrimSuffix(name, "/") {
		return fmt.Errorf("entry name %q could escape its folder (zip-slip); refused", name)
	}
	return nil
}

// ReadEntry decompresses one entry, never more than its declared size
// (the header could lie); archive/zip checks the CRC at the end.
func ReadEntry(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("entry %q: %w", f.Name, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, int64(f.UncompressedSize64)+1))
	if err != nil {
		return nil, fmt.Errorf("entry %q: %w", f.Name, err)
	}
	if uint64(len(b)) > f.UncompressedSize64 {
		return nil, fmt.Errorf("entry %q is larger than its header says; refused", f.Name)
	}
	return b, nil
}

// ReadPart reads an XML part, refusing internal DTD subsets: entity
// tricks (billion laughs, external entities) need one, and office suites
// never write one. A DOCTYPE that only names an external DTD, as old
// OpenOffice manifests do, is read: nothing here fetches it.
func ReadPart(f *zip.File) ([]byte, error) {
	b, err := ReadEntry(f)
	if err != nil {
		return nil, err
	}
	if HasDTD(b) {
		return nil, fmt.Errorf("entry %q declares an ENTITY or an internal DOCTYPE, which office suites never write; refused (XML entity attack?)", f.Name)
	}
	return b, nil
}

// HasDTD reports an entity declaration or an internal DTD subset.
func HasDTD(b []byte) bool {
	if bytes.Contains(b, []byte("<!ENTITY")) {
		return true
	}
	_, decl, ok := bytes.Cut(b, []byte("<!DOCTYPE"))
	if !ok {
		return false
	}
	end := bytes.IndexAny(decl, "[>")
	return end < 0 || decl[end] == '['
}

// Find is the entry of that exact name, nil if the package has none.
func Find(r *zip.Reader, name string) *zip.File {
	for _, f := range r.File {
		if f.Name == name {
			return f
		}
	}
	return nil
}

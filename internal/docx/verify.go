package docx

import (
	"archive/zip"
	"errors"
	"fmt"
	"strings"
)

// verify reads the labeled copy back: every entry decompresses with a
// valid CRC, every XML part that parsed in the original parses, the
// notice paragraph opens the body, and the custom property holds the
// digital source type.
func verify(in *doc, out string, p *plan, n Notice) error {
	zr, err := zip.OpenReader(out)
	if err != nil {
		return err
	}
	defer zr.Close()
	for _, f := range zr.File {
		if err := checkEntry(f); err != nil {
			return err
		}
		b, err := readEntry(f)
		if err != nil {
			return err // a CRC mismatch shows here as zip.ErrChecksum
		}
		if isXMLPart(f.Name) && !hasDTD(b) && wellFormed(b) != nil && parsedBefore(in, f.Name) {
			return fmt.Errorf("%s is no longer well-formed XML", f.Name)
		}
	}
	found, err := Inspect(out)
	if err != nil {
		return err
	}
	if len(n.Lines) > 0 && !strings.Contains(found.Notice, n.Lines[0].Text) {
		return errors.New("the notice paragraph is not the first in the body")
	}
	if found.DigitalSourceType != n.DigitalSourceType {
		return errors.New("the custom properties lack the digital source type")
	}
	return nil
}

func isXMLPart(name string) bool {
	n := strings.ToLower(name)
	return strings.HasSuffix(n, ".xml") || strings.HasSuffix(n, ".rels")
}

// parsedBefore reports whether the original's entry of that name was
// well-formed (a part Belgi added counts as such).
func parsedBefore(in *doc, name string) bool {
	f := find(&in.zr.Reader, name)
	if f == nil {
		return true
	}
	b, err := readEntry(f)
	return err == nil && wellFormed(b) == nil
}

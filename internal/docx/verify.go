package docx

import (
	"archive/zip"
	"errors"
	"strings"

	"github.com/belgi-kz/belgi/internal/officezip"
)

// verify reads the labeled copy back: every entry decompresses with a
// valid CRC, every XML part that parsed in the original parses, the
// notice paragraph opens the body, and the custom property holds the
// digital source type.
func verify(in *doc, out string, n Notice) error {
	zr, err := zip.OpenReader(out)
	if err != nil {
		return err
	}
	defer zr.Close()
	if err := officezip.VerifyEntries(&in.zr.Reader, &zr.Reader); err != nil {
		return err
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

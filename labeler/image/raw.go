package image

import (
	"path/filepath"
	"strings"

	"github.com/belgi-kz/belgi/internal/meta"
)

// rawExts are camera raw formats built on TIFF, which would otherwise
// decode as their small embedded preview or not at all.
var rawExts = map[string]string{
	".dng": "DNG", ".arw": "Sony ARW", ".srf": "Sony SRF", ".sr2": "Sony SR2", ".cr2": "Canon CR2",
	".nef": "Nikon NEF", ".nrw": "Nikon NRW", ".orf": "Olympus ORF", ".rw2": "Panasonic RW2",
	".pef": "Pentax PEF", ".srw": "Samsung SRW", ".3fr": "Hasselblad 3FR", ".erf": "Epson ERF",
	".kdc": "Kodak KDC", ".mef": "Mamiya MEF", ".iiq": "Phase One IIQ", ".rwl": "Leica RWL",
}

// rawCamera names the raw format of a file, "" for an ordinary picture:
// by its extension, or by the DNGVersion tag a DNG carries in IFD0.
func rawCamera(path string, data []byte) string {
	if name, ok := rawExts[strings.ToLower(filepath.Ext(path))]; ok {
		return name
	}
	if meta.IsDNG(data) {
		return "DNG"
	}
	return ""
}

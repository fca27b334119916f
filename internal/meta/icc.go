package meta

import (
	"bytes"
	"fmt"
)

// iccSpace is an ICC profile's data colour space signature ("RGB ",
// "GRAY", "CMYK", ...), or "" if the header is too short to say.
func iccSpace(icc []byte) string {
	if len(icc) < 20 {
		return ""
	}
	return string(icc[16:20])
}

// iccFits reports whether a profile may describe pixels with the given
// number of colour channels. A CMYK profile on the RGB frame Go's encoders
// write would make colour-managed viewers render garbage, so such a
// profile must go rather than be carried.
func iccFits(icc []byte, channels int) bool {
	switch iccSpace(icc) {
	case "GRAY":
		return channels == 1
	case "RGB ":
		return channels == 3
	case "CMYK":
		return channels == 4 // Belgi re-encodes CMYK JPEGs as CMYK
	}
	return false
}

// iccNote says why a profile was dropped.
func iccNote(icc []byte, channels int) string {
	if len(icc) == 0 {
		return "ICC profile dropped: it was incomplete or malformed"
	}
	return fmt.Sprintf("ICC profile dropped: its colour space %q does not fit the %d-channel output", iccSpace(icc), channels)
}

// ICCChunks splits a profile into JPEG APP2 payloads ("ICC_PROFILE\0",
// sequence number, count, data), nil for no profile.
func ICCChunks(icc []byte) [][]byte {
	const room = 65533 - 14
	n := (len(icc) + room - 1) / room
	if n == 0 || n > 255 {
		return nil
	}
	var out [][]byte
	for i := range n {
		part := icc[i*room : min(len(icc), (i+1)*room)]
		out = append(out, append(append(bytes.Clone(nsICC), byte(i+1), byte(n)), part...))
	}
	return out
}

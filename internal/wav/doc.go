// Package wav reads and writes RIFF/WAVE files without decoding more than
// it must. Parse maps a file's chunks; the labeler copies the programme's
// data chunk byte for byte and converts only the notice to the source's
// sample format (8-bit unsigned, 16/24/32-bit integer, 32/64-bit float,
// plain or WAVE_FORMAT_EXTENSIBLE). Chunks it does not know — bext, LIST,
// iXML, cue points — are carried over untouched; only _PMX (XMP) is
// replaced, because that is where Belgi's mark goes.
//
// RF64 (files over 4 GiB) is refused with a clear error.
package wav

// Package pdf labels PDF documents: a notice band is added above the
// content of the first page (or every page) — the page grows taller, so
// nothing the author put there is covered — and an XMP metadata stream
// with the IPTC DigitalSourceType is set on the catalog, merged with any
// XMP already there.
//
// The notice is set in the embedded Noto Sans Bold as a Type0 font with
// Identity-H glyph codes and a ToUnicode map, so text extractors
// (pdftotext, search, screen readers) read the Kazakh letters exactly.
// The band is wrapped in a marked-content sequence tagged /BelgiNotice so
// Inspect can find it again.
//
// pdfcpu parses and writes the file. Its configuration directory is
// disabled, so it never writes under the user's home.
package pdf

// Package provenance writes and reads the machine-readable layer: an XMP
// packet carrying the IPTC DigitalSourceType and Belgi's own record of
// what it applied (optionally China's TC260 AIGC field).
//
// Existing XMP is merged, not replaced: other fields stay byte-for-byte,
// and only a previous DigitalSourceType, a previous Belgi record and a
// previous TC260 field are swapped for the new ones. Container splicing
// (JPEG APP1, PNG iTXt, ...) lives with each media kind; this package
// only deals in packets.
package provenance

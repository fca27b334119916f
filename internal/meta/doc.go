// Package meta reads and splices metadata in image containers (JPEG, PNG,
// WebP, GIF, TIFF) without decoding pixels.
//
// The image kind decodes a picture, draws its label and re-encodes it with
// Go's encoders, which know nothing about metadata. This package closes the
// gap: Parse* learns what the source carried, and Write/Splice* writes the
// new encoding back out with that metadata plus a merged XMP packet, so a
// labeled file loses nothing but what no longer matches its pixels.
//
// Contract:
//   - Any input may be hostile: parsers bound every length and return
//     errors naming the container and offset; they never panic.
//   - Metadata that still describes the new pixels (EXIF, ICC, IPTC, text,
//     resolution) is copied byte-for-byte. What the re-encode made stale or
//     wrong (a CMYK ICC profile on an RGB frame, a C2PA manifest whose hash
//     no longer matches, animation frames, colour-type dependent chunks) is
//     dropped, and every drop is returned as a note for the caller's Result.
//   - Exactly one XMP packet is written: the old one is replaced, never
//     duplicated. Building the packet is provenance's job, not this one's.
//   - Inputs are never modified; results never alias the caller's buffers
//     in a way that lets a later edit reach the source bytes.
package meta

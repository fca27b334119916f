// Package jpegenc is a baseline JPEG encoder that re-encodes a photo "like
// its source": the same component count and IDs, the same sampling factors
// and the source's own quantization tables, so a labelled copy differs from
// the original by one re-encode and nothing else.
//
// The contract:
//   - A Frame holds planes already at their own resolution; the encoder
//     never resamples or converts colour, it only transforms and codes.
//     FromYCbCr and FromGray wrap what image/jpeg decodes without copying;
//     FromCMYK splits and inverts the samples into planes.
//   - EncodeSegments writes DQT, SOF, DHT, DRI, SOS, the entropy-coded data
//     and EOI, so the caller can write SOI and splice the source's APPn
//     segments first. Encode writes a whole minimal file.
//   - Output is always baseline sequential with the standard Huffman tables
//     of T.81 Annex K (extended sequential, SOF1, only when a table needs
//     16-bit entries). A progressive source comes back baseline.
//   - Four-component frames are stored as Adobe writes CMYK: inverted
//     samples under an APP14 segment with transform 0 (see AdobeAPP14).
//
// Speed is a requirement, not a nicety: Belgi labels batches of
// 24-megapixel photos, so the hot loop is allocation-free, quantizes by
// multiplication, and skips zero coefficients by bit scanning.
package jpegenc

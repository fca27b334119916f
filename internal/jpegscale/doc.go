// Package jpegscale decodes a JPEG at 1/8 or 1/4 of its size, for
// previews.
//
// The DC coefficient of every 8×8 block is, once dequantised, eight times
// the block's mean sample minus the level shift (T.81 A.3.3), so a decoder
// that Huffman-decodes each block but keeps only its DC term produces an
// exact 8×8 box-filtered image with no inverse DCT at all. The AC
// coefficients still have to be read to find where the next block starts,
// but they are skipped, not stored: one table lookup per coefficient.
//
// DecodeQuarter goes one step further for sequential files: it keeps
// each block's three lowest AC terms too and makes 2×2 pixels of it, the
// means of its quadrants up to the higher odd harmonics (see
// DecodeQuarter), still with no inverse DCT.
//
// The contract:
//   - DecodeEighth returns a ceil(W/8) × ceil(H/8) picture: *image.YCbCr
//     for three components (chroma keeps the file's subsampling ratio),
//     *image.Gray for one, *image.CMYK for four under an Adobe APP14
//     segment (transform 0, inverted CMYK, or 2, YCCK), in image/jpeg's
//     conventions so the result matches a full decode box-filtered 8×8
//     within IDCT rounding.
//   - Baseline and extended sequential Huffman (SOF0, SOF1) and
//     progressive Huffman (SOF2: only the DC scans are read; AC scans are
//     not decoded), 8-bit samples, with or without restart intervals.
//     The file is walked segment by segment by jpegcoef.Parse, whose
//     entropy decoder this package shares (jpegcoef's File.DC).
//   - Anything else (arithmetic coding, 12-bit, lossless, hierarchical,
//     RGB-coded three-component files, CMYK without APP14, unusual
//     sampling layouts) returns an error wrapping ErrUnsupported: the
//     caller decodes such files with the full decoder instead.
//   - Any input is safe: malformed or truncated data returns an error,
//     never a panic, and nothing larger than the header's block count
//     (W×H/64 per component, bounded by what the data could hold) is
//     allocated. Refusing absurd headers is the caller's job.
package jpegscale

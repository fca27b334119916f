// Package jpegcoef reads and rewrites JPEGs in the coefficient domain, so
// a picture can be changed in one rectangle while every other 8×8 block
// keeps its exact quantised coefficients.
//
// The contract:
//   - Parse walks a file segment by segment by their lengths (T.81 B.1);
//     the only bytes it scans are a scan's entropy-coded data, to find the
//     marker that ends it, as every decoder does. It never searches the
//     file for markers, so a thumbnail inside an APPn segment can never be
//     taken for the picture.
//   - Check proves a file's integrity: segments walk cleanly, every scan
//     (sequential or progressive, refinement included) entropy-decodes
//     to its end with restart markers in order, and EOI follows.
//   - Open, Picture.Decode and Picture.Encode change one rectangle: only
//     the blocks whose samples the caller changed are re-quantised with
//     the source's own tables. For sequential Huffman files the bits of
//     every untouched run of MCUs are copied, not re-encoded (whole
//     restart intervals byte for byte), and memory stays proportional to
//     the file; progressive files are decoded to coefficients and written
//     back progressive with the source's scan script.
//   - Arithmetic coding, 12-bit samples, lossless and hierarchical files,
//     and DNL-defined heights return an error wrapping ErrUnsupported,
//     damaged data one wrapping ErrCorrupt: callers fall back to a full
//     decode and re-encode.
//   - Any input is safe: malformed data returns an error, never a panic,
//     and allocations are bounded by what the data could hold.
package jpegcoef

// Package bmff walks ISO base media files (MP4, MOV, M4A, 3GP) by their
// box sizes, the way the format is defined, and never by searching the
// bytes for a box name: a thumbnail, a metadata string or sample data
// that happens to contain "moov" cannot mislead it.
//
// It reads top-level boxes from an io.ReaderAt without loading the media
// data, parses container boxes (moov, trak, udta...) held in memory, and
// answers what labeling needs: is the file complete (no box runs past
// its end, no chunk lies beyond it), is it fragmented, what XMP it
// carries, where a track's matrix sits, and which metadata boxes a
// remuxed copy must be given back.
package bmff

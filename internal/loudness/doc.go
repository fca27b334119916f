// Package loudness measures integrated loudness as ITU-R BS.1770-4 and
// EBU R128 define it: K-weighting (a high shelf, then a high-pass), mean
// square per channel weighted by position, 400 ms blocks every 100 ms,
// an absolute gate at -70 LUFS and a relative gate 10 LU below the
// ungated level. The notice is matched to the programme with it, so a
// spoken label is neither buried under loud music nor blaring over a
// quiet interview.
//
// A Meter is fed streaming interleaved samples and keeps only one number
// per 100 ms, so an hour-long programme needs a few hundred kilobytes.
package loudness

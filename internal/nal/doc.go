// Package nal reads and rewrites the few parts of H.264 and HEVC
// bitstreams that joining two encodes needs: the codec configuration
// records of MP4 and Matroska (avcC, hvcC), the identifiers of parameter
// sets and the parameter-set identifier at the head of each slice.
//
// A smart render joins frames Belgi re-encoded to frames copied from the
// source. Both halves decode only if every parameter set either encode
// uses is known to the decoder under an identifier no other set claims:
// the records built here list the sets of all segments side by side.
// Nothing here decodes pictures; every parser is bounded by its input
// and returns an error for anything it does not understand.
package nal

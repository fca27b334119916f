// Package flac reads the metadata blocks of a FLAC stream (STREAMINFO,
// VORBIS_COMMENT, PICTURE...) by walking them by their lengths. Belgi
// uses it to read its marks back without ffmpeg, to know how many
// samples a file promises (a file that decodes to fewer is truncated),
// and to find the stream behind a leading ID3v2 tag.
package flac

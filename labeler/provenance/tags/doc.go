// Package tags finds statements of how content was made in the text
// tags of audio and video containers, where XMP is not the custom:
// ID3v2 frames (MP3, and ID3 before FLAC), Vorbis comments (FLAC, Ogg
// Vorbis, Opus, Ogg FLAC), MP4/MOV item lists (ilst, including iTunes
// freeform "----" items) and Matroska/WebM SimpleTags.
//
// A tag counts when its name says digital source type (DigitalSourceType,
// DIGITAL_SOURCE_TYPE, DIGITALSOURCETYPE, ignoring case and separators)
// or its value is an IPTC digital source type URI. The readers walk each
// container by its own structure, bounded, and never trust a size they
// have not checked against the file.
package tags

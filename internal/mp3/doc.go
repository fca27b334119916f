// Package mp3 works on MPEG-1/2/2.5 Layer III streams at the frame level,
// without decoding: it finds frames, the Xing/Info and VBRI headers that
// describe a whole stream (and the LAME tag after them: encoder, gapless
// delay and padding, ReplayGain), each frame's bit-reservoir pointer,
// and the ID3v2 tag in front. That is what lets Belgi join a notice to a
// programme by copying the programme's frames untouched — no generation
// loss — and write a new Xing header, with the source's LAME tag made
// true for the joined stream, so players seek, time and trim it
// correctly. A stream cut short (its last frame incomplete, or fewer
// frames than its header declares) is reported as truncated.
//
// ID3v2.3 and 2.4 tags are parsed into raw frames (v2.2 converted to
// v2.3, unsynchronisation undone) so other tags (title, artist, cover
// art) survive relabeling; Belgi adds TXXX frames and the XMP packet in a
// PRIV frame owned by "XMP", as XMP Specification Part 3 prescribes.
package mp3

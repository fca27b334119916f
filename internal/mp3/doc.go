// Package mp3 works on MPEG-1/2/2.5 Layer III streams at the frame level,
// without decoding: it finds frames, the Xing/Info and VBRI headers that
// describe a whole stream, each frame's bit-reservoir pointer, and the
// ID3v2 tag in front. That is what lets Belgi join a notice to a
// programme by copying the programme's frames untouched — no generation
// loss — and write a new Xing header so players seek and time the joined
// stream correctly.
//
// ID3v2.3 and 2.4 tags are parsed into raw frames so other tags (title,
// artist, cover art) survive relabeling; Belgi adds TXXX frames and the
// XMP packet in a PRIV frame owned by "XMP", as XMP Specification Part 3
// prescribes for MP3.
package mp3

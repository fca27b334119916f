// Package video is the media kind for video files: MP4, M4V, MOV, 3GP,
// MKV, WebM, AVI, MPEG-TS and M2TS (AVCHD), MXF, FLV, WMV (ASF),
// RealMedia, and MPEG program streams (written as MP4, which can hold
// marks). Every pixel operation and every encode runs in ffmpeg (through
// internal/ffmpeg); this package plans what ffmpeg does (probe, plan: the
// streams, encoders and graph) and runs it once (label), then writes and
// reads the machine-readable marks itself (finish, check).
//
// A labeled video carries the badge from package render on every frame
// (or the first N seconds), drawn at the displayed size: rotation and
// non-square pixels are honoured by turning and squeezing the badge, not
// the picture, so the stored frames, their rotation metadata and their
// pixel aspect stay as they were. The video stream is re-encoded once,
// in the source's codec family, keeping frame rate, pixel format and
// colour description (ffmpeg 5.1 loses the display matrix of a filtered
// stream, so for MP4/MOV the source's track matrix is written back into
// the output's tkhd in place); sound is copied untouched unless the spoken notice
// is mixed in (by a sound-only run that feeds the main one through a
// pipe); subtitles,
// chapters and other streams are kept in the source's order with their
// tags, and timestamps are copied, so every stream starts where it did.
// Streams that can't be copied, or that would show the picture
// unlabeled (a second picture stream, cover art, a udta thumbnail), are
// left out with a note. An optional slate (a full-frame card with the
// notice) is prepended, delaying picture, sound and subtitles alike.
//
// Refused with the reason: encrypted or truncated files, codecs no
// decoder here reads (VVC, Dolby Vision AV1), files with only subtitles.
// The copy is read back before it is kept: stream count, types and
// codecs, size, rotation, every stream's start within a frame, its end.
//
// Marks: MP4 and MOV get an XMP packet in a top-level uuid box appended
// after ffmpeg has finished (appending moves no chunk offsets) and the
// source's movie metadata boxes back; Matroska, WebM, FLV and ASF get
// tags (DIGITAL_SOURCE_TYPE, BELGI, XMP), MXF the same as user comments,
// a transport stream the record as its service provider; AVI and
// RealMedia, which hold only a few text tags, get the record in their
// comment. Inspect reads all of these back.
//
// Smart render (smart*.go, splice.go): when the label covers only the
// start (start:N, or the slate alone) and the source is H.264, HEVC or
// VP9 in MP4, MOV, MKV or WebM, only the groups of pictures up to the
// first clean key frame after the label are re-encoded, with the
// source's profile, level, pixel format, clock and colour description
// and parameter sets of their own; the rest of the picture and the sound
// after the notice are copied packet for packet and joined by ffmpeg's
// concat demuxer. Anything it can't match is rendered whole, and the
// result's notes say why.
//
// Full renders may use a hardware encoder that works on this computer
// (hwenc.go). WriteAssets writes the label for an editor's timeline: the
// badge as a PNG and a ProRes 4444 clip, the slate, the notice and a
// README (assets*.go).
//
// The spoken notice comes from a NoticeSource, the audio kind's
// audio.NoticeBeside injected with WithNotice, so a video's notice is
// made, and its loudness chosen, exactly as an audio file's.
package video

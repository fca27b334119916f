// Package audio is Belgi's audio kind: it puts a spoken notice ("Жасанды
// интеллект көмегімен жасалған", ...) at the start of a recording — and,
// if asked, at the end and every N minutes — and writes the machine-
// readable marks each container allows (WAV _PMX, MP3 ID3v2 TXXX + XMP in
// PRIV, FLAC/Ogg Vorbis comments, M4A XMP uuid box).
//
// The programme itself is never changed: WAV data is copied byte for
// byte, MP3 frames are copied untouched behind a notice encoded with the
// same parameters, and other formats are stream-copied where the
// container allows it and re-encoded (said so in the outcome's notes)
// only where it does not. The notice is resampled and channel-mapped to
// the programme and its loudness matched to the programme's integrated
// loudness (BS.1770, measured in Go).
//
// Notice builds the notice on its own for the video kind and for
// `belgi-cli notice`; New().Preview draws the waveform the app shows and
// Render returns the samples its player plays. The package needs no cgo;
// playback lives in ui/player.
package audio

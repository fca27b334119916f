// Package audio is Belgi's audio kind: it puts a spoken notice ("Жасанды
// интеллект көмегімен жасалған", ...) at the start of a recording — and,
// if asked, at the end and every N minutes — and writes the machine-
// readable marks each container allows (WAV _PMX, MP3 ID3v2 TXXX + XMP in
// PRIV, FLAC/Ogg Vorbis comments, MP4 XMP uuid box, Matroska, ASF, APE
// and ID3 tags).
//
// What is audio is decided by content: WAV (also RF64/BW64 and WAVs
// holding ADPCM, G.711, MPEG or GSM), MP3, FLAC (also behind an ID3v2
// tag), Ogg, M4A, ADTS AAC, AMR, AIFF, APE, DSD, WavPack, CAF by their
// magic bytes, and MP4, Matroska, WebM and ASF files whose streams are
// sound only (ffprobe is asked: labeler.ContentSniffer).
//
// The programme itself is never changed where its format allows: WAV
// data (PCM, or codec blocks and MPEG frames) is copied byte for byte,
// MP3 frames are copied untouched behind a notice encoded with the same
// parameters, and other formats are stream-copied where the container
// allows it and re-encoded in their own codec otherwise. Formats no
// encoder here writes become the nearest common one (APE and DSD FLAC,
// AMR M4A); a codec no decoder reads (AC-4) is refused by name. The notes
// say which. What the source carries is kept: ID3 frames and the LAME
// tag (its gapless fields made true), FLAC metadata blocks, RIFF chunks
// (cue points, loops and BWF time references moved with the programme),
// MP4 udta/meta, chapters (moved), tags.
//
// Whole files only: a source whose structure (boxes, elements, pages,
// blocks, frames, chunks) ends early, or that decodes to less than its
// header promises, is refused as truncated. Every output is read back —
// decoded to the end, its streams, codec and length checked against the
// plan — before it is kept.
//
// Notice builds the notice on its own for the video kind and for
// `belgi-cli notice`; New().Preview draws the waveform the app shows and
// Render returns the samples its player plays. The package needs no cgo;
// playback lives in ui/player.
package audio

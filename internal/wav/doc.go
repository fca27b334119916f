// Package wav reads and writes RIFF/WAVE files without decoding more than
// it must. Parse walks a file's chunks by their sizes (RF64 and BW64
// files through their ds64 chunk's 64-bit sizes) and names the data's
// format: plain PCM (8-bit unsigned, 16/24/32-bit integer, 32/64-bit
// float, plain or WAVE_FORMAT_EXTENSIBLE), which Belgi converts itself,
// or a codec (ADPCM, G.711, MPEG...) that ffmpeg decodes. Header writes a
// file's start in the source's form, RF64 when a RIFF would outgrow
// 4 GiB. The labeler copies the programme's data byte for byte and
// carries chunks it does not know (bext, LIST, iXML, cue points) over;
// only _PMX (XMP) is replaced, because that is where Belgi's mark goes.
package wav

package audio

import "strings"

// markStyle is how a container carries Belgi's machine-readable marks.
type markStyle int

const (
	marksVorbis   markStyle = iota // Vorbis comments DIGITALSOURCETYPE and XMP (FLAC, Ogg)
	marksMP4                       // an XMP uuid box appended after ffmpeg, and a comment
	marksMatroska                  // global tags DIGITAL_SOURCE_TYPE and XMP
	marksTags                      // tags the muxer writes: ASF, APEv2 (WavPack), ID3 (AIFF, ADTS), CAF info
)

// container is how Belgi writes one format through ffmpeg.
type container struct {
	name  string   // for notes: "Ogg Speex"
	muxer string   // ffmpeg's muxer
	args  []string // the muxer's options
	// into is the format written when the source's container can't be:
	// no encoder here writes APE, DSD or AMR, and raw Dolby frames have
	// nowhere to keep a mark. ext is then the output's
	// extension, the source's format kept in it (song.ape becomes
	// song.ape.flac), so the copy never takes the name of a sibling
	// song.flac's copy.
	into, ext string
	marks     markStyle
	// pictures: the muxer keeps attached pictures (cover art); matroska
	// keeps attachments too.
	pictures bool
	// fallback encodes a programme whose codec has no encoder here or
	// can't go in this container.
	fallback string
	// raw: bare codec frames (Dolby), with no place for a mark and no
	// times for ffmpeg's join to follow.
	raw bool
}

// containers lists the formats labeled through ffmpeg (WAV and MP3 are
// written in Go).
var containers = map[string]container{
	FormatFLAC:     {name: "FLAC", muxer: "flac", marks: marksVorbis, pictures: true, fallback: "flac"},
	FormatVorbis:   {name: "Ogg Vorbis", muxer: "ogg", marks: marksVorbis, fallback: "libvorbis"},
	FormatOpus:     {name: "Ogg Opus", muxer: "ogg", marks: marksVorbis, fallback: "libopus"},
	FormatOggFLAC:  {name: "Ogg FLAC", muxer: "ogg", marks: marksVorbis, fallback: "flac"},
	FormatSpeex:    {name: "Ogg Speex", muxer: "ogg", marks: marksVorbis, fallback: "libspeex"},
	FormatOgg:      {name: "Ogg", muxer: "ogg", marks: marksVorbis, fallback: "libvorbis"},
	FormatM4A:      {name: "M4A", muxer: "ipod", marks: marksMP4, pictures: true, fallback: "aac"},
	FormatMP4:      {name: "MP4", muxer: "mp4", marks: marksMP4, pictures: true, fallback: "aac"},
	FormatMatroska: {name: "Matroska", muxer: "matroska", marks: marksMatroska, pictures: true, fallback: "flac"},
	FormatWebM:     {name: "WebM", muxer: "webm", marks: marksMatroska, fallback: "libopus"},
	FormatASF:      {name: "ASF (WMA)", muxer: "asf", marks: marksTags, fallback: "wmav2"},
	FormatADTS:     {name: "ADTS AAC", muxer: "adts", args: []string{"-write_id3v2", "1"}, marks: marksTags, fallback: "aac"},
	FormatAIFF:     {name: "AIFF", muxer: "aiff", args: []string{"-write_id3v2", "1"}, marks: marksTags, pictures: true, fallback: "pcm_s16be"},
	FormatWavPack:  {name: "WavPack", muxer: "wv", marks: marksTags, fallback: "wavpack"},
	FormatCAF:      {name: "CAF", muxer: "caf", marks: marksTags, fallback: "alac"},
	FormatAMR:      {name: "AMR", muxer: "ipod", into: FormatM4A, ext: ".amr.m4a", marks: marksMP4, pictures: true, fallback: "aac"},
	FormatAC3:      {name: "Dolby Digital (AC-3)", muxer: "mp4", into: FormatMP4, ext: ".ac3.mp4", marks: marksMP4, fallback: "ac3", raw: true},
	FormatEAC3:     {name: "Dolby Digital Plus (E-AC-3)", muxer: "mp4", into: FormatMP4, ext: ".eac3.mp4", marks: marksMP4, fallback: "eac3", raw: true},
	FormatAPE:      {name: "Monkey's Audio (APE)", muxer: "flac", into: FormatFLAC, ext: ".ape.flac", marks: marksVorbis, pictures: true, fallback: "flac"},
	FormatDSF:      {name: "DSD (DSF)", muxer: "flac", into: FormatFLAC, ext: ".dsf.flac", marks: marksVorbis, pictures: true, fallback: "flac"},
	FormatDFF:      {name: "DSD (DSDIFF)", muxer: "flac", into: FormatFLAC, ext: ".dff.flac", marks: marksVorbis, pictures: true, fallback: "flac"},
}

// encoders maps a programme's codec to the encoder that writes it again.
var encoders = map[string]string{
	"aac": "aac", "mp3": "libmp3lame", "vorbis": "libvorbis", "opus": "libopus", "flac": "flac",
	"alac": "alac", "ac3": "ac3", "eac3": "eac3", "wmav1": "wmav1", "wmav2": "wmav2",
	"speex": "libspeex", "wavpack": "wavpack", "mp2": "mp2", "tta": "tta",
}

// lossless codecs decode to exactly what was encoded: re-encoding them
// loses nothing.
func lossless(codec string) bool {
	switch codec {
	case "flac", "alac", "wavpack", "tta", "ape", "mlp", "truehd", "wmalossless":
		return true
	}
	return strings.HasPrefix(codec, "pcm_") || strings.HasPrefix(codec, "dsd_")
}

// codecOf is the codec an encoder writes, as ffprobe names it.
func codecOf(encoder string) string {
	switch encoder {
	case "libmp3lame":
		return "mp3"
	case "libvorbis":
		return "vorbis"
	case "libopus":
		return "opus"
	case "libspeex":
		return "speex"
	case "libgsm_ms":
		return "gsm_ms"
	case "g726le":
		return "adpcm_g726le"
	case "g722":
		return "adpcm_g722"
	}
	return encoder
}

// writtenAs is the format an input of format is written in.
func writtenAs(format string) string {
	if c := containers[format]; c.into != "" {
		return c.into
	}
	return format
}

package audio

import (
	"bytes"
	"encoding/binary"

	"github.com/belgi-kz/belgi/internal/mp3"
)

// sniff names the format from a file's first bytes, "" when they are not
// unmistakably audio. Containers that may hold pictures too (MP4 other
// than the M4A/M4B brands, Matroska, Ogg with a video or skeleton stream
// first, ASF) are left to ambiguous and a look at their streams.
func sniff(h []byte) string {
	for _, s := range sniffers {
		if s.match(h) {
			return s.format
		}
	}
	return ""
}

var sniffers = []struct {
	format string
	match  func([]byte) bool
}{
	{FormatWAV, func(h []byte) bool { return riffWave(h) }},
	{FormatFLAC, func(h []byte) bool { return bytes.HasPrefix(h, []byte("fLaC")) }},
	{FormatM4A, func(h []byte) bool { return len(h) >= 12 && string(h[4:8]) == "ftyp" && audioBrand(string(h[8:12])) }},
	{FormatAIFF, func(h []byte) bool {
		return len(h) >= 12 && string(h[:4]) == "FORM" && (string(h[8:12]) == "AIFF" || string(h[8:12]) == "AIFC")
	}},
	{FormatAMR, func(h []byte) bool { return bytes.HasPrefix(h, []byte("#!AMR")) }},
	{FormatAPE, func(h []byte) bool { return bytes.HasPrefix(h, []byte("MAC ")) }},
	{FormatDSF, func(h []byte) bool { return bytes.HasPrefix(h, []byte("DSD ")) }},
	{FormatDFF, func(h []byte) bool { return len(h) >= 16 && string(h[:4]) == "FRM8" && string(h[12:16]) == "DSD " }},
	{FormatWavPack, func(h []byte) bool { return bytes.HasPrefix(h, []byte("wvpk")) }},
	{FormatCAF, func(h []byte) bool { return bytes.HasPrefix(h, []byte("caff")) }},
	{FormatVorbis, func(h []byte) bool { return oggCodec(h) == "vorbis" }},
	{FormatOpus, func(h []byte) bool { return oggCodec(h) == "opus" }},
	{FormatOggFLAC, func(h []byte) bool { return oggCodec(h) == "flac" }},
	{FormatSpeex, func(h []byte) bool { return oggCodec(h) == "speex" }},
	{FormatAC3, func(h []byte) bool { return dolby(h) == FormatAC3 }},
	{FormatEAC3, func(h []byte) bool { return dolby(h) == FormatEAC3 }},
	{FormatADTS, adts},
	{FormatMP3, mp3.Sniff},
}

// dolby names raw AC-3 or E-AC-3 frames by their sync word and the
// bitstream id that tells the two apart (up to 8 and 10, and 16), with
// AC-3's sample rate code not the reserved one.
func dolby(h []byte) string {
	if len(h) < 6 || h[0] != 0x0B || h[1] != 0x77 {
		return ""
	}
	switch bsid := h[5] >> 3; {
	case bsid <= 10 && h[4]>>6 != 3:
		return FormatAC3
	case bsid == 16:
		return FormatEAC3
	}
	return ""
}

// riffWave: RIFF, RF64 (EBU Tech 3306) and BW64 (ITU-R BS.2088) WAVE files.
func riffWave(h []byte) bool {
	if len(h) < 12 || string(h[8:12]) != "WAVE" {
		return false
	}
	switch string(h[:4]) {
	case "RIFF", "RF64", "BW64":
		return true
	}
	return false
}

// audioBrand: MPEG-4 brands of sound files (iTunes audio and audiobooks,
// protected audio, Flash audio).
func audioBrand(major string) bool {
	switch major {
	case "M4A ", "M4B ", "M4P ", "F4A ", "F4B ", "M4A\x00":
		return true
	}
	return false
}

// oggCodec names the codec of an Ogg file's first logical stream, read
// from the first page by its segment table: "vorbis", "opus", "flac",
// "speex", or "" (a video or skeleton stream, or not Ogg).
func oggCodec(h []byte) string {
	if len(h) < 27 || string(h[:4]) != "OggS" {
		return ""
	}
	at := 27 + int(h[26])
	if at > len(h) {
		return ""
	}
	p := h[at:]
	switch {
	case bytes.HasPrefix(p, []byte("\x01vorbis")):
		return "vorbis"
	case bytes.HasPrefix(p, []byte("OpusHead")):
		return "opus"
	case bytes.HasPrefix(p, []byte("\x7FFLAC")):
		return "flac"
	case bytes.HasPrefix(p, []byte("Speex   ")):
		return "speex"
	}
	return ""
}

// adts: two consecutive ADTS AAC frame headers (one alone is too easily
// chance), the second where the first's length says.
func adts(h []byte) bool {
	n := adtsFrame(h)
	return n > 0 && n+7 <= len(h) && adtsFrame(h[n:]) > 0
}

// adtsFrame returns the length of the ADTS frame at h, 0 if none.
func adtsFrame(h []byte) int {
	if len(h) < 7 || h[0] != 0xFF || h[1]&0xF6 != 0xF0 || (h[2]>>2)&0xF > 12 {
		return 0
	}
	n := int(h[3]&3)<<11 | int(h[4])<<3 | int(h[5]>>5)
	if n < 7 {
		return 0
	}
	return n
}

// ambiguous reports whether h starts a container that holds sound,
// pictures or both, so that only its streams tell audio from video.
func ambiguous(h []byte) bool {
	switch {
	case len(h) >= 12 && string(h[4:8]) == "ftyp":
		return true
	case bytes.HasPrefix(h, []byte{0x1A, 0x45, 0xDF, 0xA3}): // EBML: Matroska, WebM
		return true
	case bytes.HasPrefix(h, []byte("OggS")):
		return true
	case bytes.HasPrefix(h, asfGUID):
		return true
	}
	return false
}

// asfGUID opens every ASF file (WMA, WMV): the header object's GUID.
var asfGUID = []byte{0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11, 0xA6, 0xD9, 0x00, 0xAA, 0x00, 0x62, 0xCE, 0x6C}

// id3Skip is the length of an ID3v2 tag at the start of h (0 if none),
// so what follows it can be sniffed: FLAC and ADTS files carry such tags
// too, not only MP3.
func id3Skip(h []byte) int {
	if n := mp3.TagSize(h); n > 0 && binary.BigEndian.Uint16(h[3:5]) < 0x0500 {
		return n
	}
	return 0
}

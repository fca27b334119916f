package audio

import (
	"bytes"
	"errors"
	"fmt"
	"os"

	"github.com/belgi-kz/belgi/internal/mp3"
	"github.com/belgi-kz/belgi/labeler"
)

// Container formats, as reported in Report.Format.
const (
	FormatWAV    = "wav"
	FormatMP3    = "mp3"
	FormatFLAC   = "flac"
	FormatVorbis = "ogg-vorbis"
	FormatOpus   = "opus"
	FormatM4A    = "m4a"
)

// kind implements labeler.Kind and labeler.Previewer for audio.
type kind struct{}

// New returns the audio kind, for labeler.NewRegistry.
func New() labeler.Kind { return kind{} }

var (
	_ labeler.Kind      = kind{}
	_ labeler.Previewer = kind{}
)

func (kind) Name() string { return labeler.KindAudio }

func (kind) Extensions() []string {
	return []string{".wav", ".mp3", ".flac", ".ogg", ".oga", ".opus", ".m4a", ".m4b"}
}

func (kind) Sniff(head []byte) bool { return sniff(head) != "" }

// sniff names the container from a file's first bytes, "" when it is not
// unmistakably audio. Ogg is claimed only for Vorbis or Opus streams (an
// Ogg Theora video is not ours) and MP4 only for the audio brands M4A and
// M4B, so generic MP4 stays with the video kind.
func sniff(h []byte) string {
	switch {
	case len(h) >= 12 && (string(h[:4]) == "RIFF" || string(h[:4]) == "RF64") && string(h[8:12]) == "WAVE":
		return FormatWAV
	case bytes.HasPrefix(h, []byte("fLaC")):
		return FormatFLAC
	case bytes.HasPrefix(h, []byte("OggS")) && len(h) >= 36 && bytes.Equal(h[28:35], []byte("\x01vorbis")):
		return FormatVorbis
	case bytes.HasPrefix(h, []byte("OggS")) && len(h) >= 36 && bytes.Equal(h[28:36], []byte("OpusHead")):
		return FormatOpus
	case len(h) >= 12 && string(h[4:8]) == "ftyp" && (string(h[8:12]) == "M4A " || string(h[8:12]) == "M4B "):
		return FormatM4A
	case mp3.Sniff(h):
		return FormatMP3
	}
	return ""
}

// formatOf sniffs a file, falling back to its extension for MP3 streams
// whose first frames lie beyond the head (a large ID3 tag).
func formatOf(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("audio: %w", err)
	}
	defer f.Close()
	head := make([]byte, 4096)
	n, _ := f.Read(head)
	if n == 0 {
		return "", labeler.AtStage(labeler.StageDecode, errors.New("audio: the file is empty"))
	}
	if flacBehindID3(f, head[:n]) {
		return FormatFLAC, nil // C2PA's place in FLAC: an ID3v2 tag in front
	}
	if name := sniff(head[:n]); name != "" {
		return name, nil
	}
	return "", labeler.AtStage(labeler.StageDecode, fmt.Errorf("audio: not a recognisable WAV, MP3, FLAC, Ogg Vorbis/Opus or M4A file (it looks like %s)",
		describe(head[:n])))
}

// flacBehindID3 reports whether an ID3v2 tag at the start is followed by
// a FLAC stream.
func flacBehindID3(f *os.File, head []byte) bool {
	n := mp3.TagSize(head)
	var magic [4]byte
	if n == 0 {
		return false
	}
	_, err := f.ReadAt(magic[:], int64(n))
	return err == nil && string(magic[:]) == "fLaC"
}

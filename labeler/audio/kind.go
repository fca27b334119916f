package audio

import (
	"fmt"
	"io"
	"os"

	"github.com/belgi-kz/belgi/internal/ebml"
	"github.com/belgi-kz/belgi/labeler"
)

// Formats, as reported in Report.Format.
const (
	FormatWAV      = "wav"
	FormatMP3      = "mp3"
	FormatFLAC     = "flac"
	FormatVorbis   = "ogg-vorbis"
	FormatOpus     = "opus"
	FormatOggFLAC  = "ogg-flac"
	FormatSpeex    = "speex"
	FormatOgg      = "ogg"      // Ogg whose first stream is not sound (a skeleton)
	FormatM4A      = "m4a"      // MP4 with an audio brand (M4A, M4B)
	FormatMP4      = "mp4"      // any other MP4, MOV or 3GP holding only sound
	FormatMatroska = "matroska" // MKA, or an MKV holding only sound
	FormatWebM     = "webm"     // WebM holding only sound
	FormatASF      = "asf"      // WMA
	FormatADTS     = "aac"      // raw AAC in ADTS frames
	FormatAMR      = "amr"
	FormatAIFF     = "aiff"
	FormatAPE      = "ape"
	FormatDSF      = "dsf"
	FormatDFF      = "dff"
	FormatWavPack  = "wavpack"
	FormatCAF      = "caf"
	FormatAC3      = "ac3"  // raw Dolby Digital frames
	FormatEAC3     = "eac3" // raw Dolby Digital Plus frames
)

// kind implements labeler.Kind and labeler.Previewer for audio.
type kind struct{}

// New returns the audio kind, for labeler.NewRegistry.
func New() labeler.Kind { return kind{} }

var (
	_ labeler.Kind           = kind{}
	_ labeler.Previewer      = kind{}
	_ labeler.ContentSniffer = kind{}
	_ labeler.Retargeter     = kind{}
)

func (kind) Name() string { return labeler.KindAudio }

func (kind) Extensions() []string {
	return []string{".wav", ".bwf", ".rf64", ".mp3", ".flac", ".ogg", ".oga", ".opus", ".spx", ".m4a", ".m4b",
		".mka", ".wma", ".aac", ".amr", ".awb", ".aif", ".aiff", ".aifc", ".ape", ".dsf", ".dff", ".wv", ".caf", ".ac3", ".eac3", ".ec3"}
}

// Sniff claims files whose first bytes are unmistakably sound.
func (kind) Sniff(head []byte) bool { return sniff(head) != "" }

// SniffFile also claims containers that may hold pictures (MP4,
// Matroska, WebM, Ogg, ASF) when their streams are sound only: a WebM of
// Opus or an MP4 of E-AC-3 is audio, whatever its name says.
func (kind) SniffFile(path string, head []byte) bool {
	if sniff(head) != "" {
		return true
	}
	return ambiguous(head) && soundOnly(path)
}

// OutputExt implements labeler.Retargeter: formats no encoder here
// writes are labeled in the nearest common one.
func (kind) OutputExt(head []byte) string {
	if c, ok := containers[sniff(head)]; ok {
		return c.ext
	}
	return ""
}

// formatOf names a file's format from its content: the magic bytes, what
// follows a leading ID3v2 tag, and for containers that may hold pictures
// the container's own type.
func formatOf(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("audio: %w", err)
	}
	defer f.Close()
	head := make([]byte, 4096)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	if n == 0 {
		return "", labeler.AtStage(labeler.StageDecode, fmt.Errorf("audio: the file is empty"))
	}
	if skip := id3Skip(head); skip > 0 {
		return afterID3(f, int64(skip)), nil
	}
	if name := sniff(head); name != "" {
		return name, nil
	}
	if name := containerFormat(f, head); name != "" {
		return name, nil
	}
	return "", labeler.AtStage(labeler.StageDecode, fmt.Errorf("audio: not a sound file Belgi can read (it looks like %s)", describe(head)))
}

// afterID3 names the stream behind a leading ID3v2 tag: FLAC and ADTS
// AAC files carry such tags too; anything else is taken for MP3.
func afterID3(r io.ReaderAt, at int64) string {
	h := make([]byte, 16<<10) // room for two ADTS frames
	n, _ := r.ReadAt(h, at)
	switch name := sniff(h[:n]); name {
	case FormatFLAC, FormatADTS:
		return name
	}
	return FormatMP3
}

// containerFormat names a sound-only file in a container that may hold
// pictures; "" when the head is none of them.
func containerFormat(f *os.File, head []byte) string {
	switch {
	case len(head) >= 12 && string(head[4:8]) == "ftyp":
		return FormatMP4
	case bytes4(head) == "\x1A\x45\xDF\xA3":
		if st, err := f.Stat(); err == nil {
			if doc, _ := ebml.DocType(f, st.Size()); doc == "webm" {
				return FormatWebM
			}
		}
		return FormatMatroska
	case bytes4(head) == "OggS":
		return FormatOgg
	case ambiguous(head):
		return FormatASF
	}
	return ""
}

func bytes4(h []byte) string {
	if len(h) < 4 {
		return ""
	}
	return string(h[:4])
}

package video

import (
	"errors"
	"fmt"
	"os"

	"github.com/belgi-kz/belgi/internal/bmff"
	"github.com/belgi-kz/belgi/internal/ebml"
	"github.com/belgi-kz/belgi/internal/ffmpeg"
)

// Belgi labels whole, readable files only; these refusals say what is
// wrong and what to do, naming the codec or the damage.

// repairHint ends refusals of damaged files.
const repairHint = "; re-export it from its source, or keep what is there with `ffmpeg -i IN -c copy OUT` and label that"

// structure walks the container before ffmpeg reads it: MP4 boxes and
// chunks and Matroska elements must all be present, and MP4 samples
// must not be encrypted.
func structure(path, container string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("video: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return fmt.Errorf("video: %w", err)
	}
	switch {
	case family(container) == "mp4":
		m, err := bmff.Open(f, st.Size())
		if err == nil && m.Encrypted() {
			return errors.New("video: the file is encrypted (Common Encryption, a DRM system or ClearKey): Belgi can't decode it; label the unencrypted master, then encrypt the labeled copy")
		}
		if err == nil {
			err = m.Complete()
		}
		if err != nil {
			return fmt.Errorf("video: %w%s", err, repairHint)
		}
	case containers[container].marks == marksMatroska:
		if _, err := ebml.DocType(f, st.Size()); err != nil {
			return fmt.Errorf("video: the file is damaged: %w", err)
		}
		if err := ebml.Complete(f, st.Size()); err != nil {
			return fmt.Errorf("video: %w%s", err, repairHint)
		}
	}
	return nil
}

// undecodable refuses a picture stream no decoder here reads.
func undecodable(s ffmpeg.Stream) error {
	name, unknown := s.Unknown()
	if !unknown {
		return nil
	}
	return fmt.Errorf("video: the picture is %s, which no decoder in this ffmpeg reads, so the badge can't be drawn; "+
		"export it from its source as H.264, HEVC, VP9 or AV1 and label that", name)
}

// noVideo explains a file with no picture to label.
func noVideo(info ffmpeg.Info) error {
	switch {
	case info.Count("audio") > 0:
		return errors.New("video: the file holds only sound: it is labeled as audio")
	case info.Count("subtitle") > 0:
		return errors.New("video: the file holds only subtitles, no picture or sound: extract them (`ffmpeg -i IN OUT.srt`) and label the subtitle file")
	}
	return errors.New("video: the file holds no picture stream")
}

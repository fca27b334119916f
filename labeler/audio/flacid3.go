package audio

import (
	"fmt"
	"io"
	"os"
)

// keepID3 puts the ID3v2 tag that preceded the source's FLAC stream back
// in front of the labeled copy: ffmpeg's FLAC muxer writes none, and the
// tag is part of what the source carries.
func keepID3(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("audio: %w", err)
	}
	defer in.Close()
	n := id3SkipAt(in)
	if n == 0 {
		return nil
	}
	tmp := dst + ".id3"
	out, err := os.Create(tmp)
	if err != nil {
		return fmt.Errorf("audio: %w", err)
	}
	defer os.Remove(tmp)
	body, err := os.Open(dst)
	if err == nil {
		_, err = io.Copy(out, io.NewSectionReader(in, 0, int64(n)))
		if err == nil {
			_, err = io.Copy(out, body)
		}
		body.Close()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, dst)
	}
	if err != nil {
		return fmt.Errorf("audio: keeping the ID3v2 tag: %w", err)
	}
	return nil
}

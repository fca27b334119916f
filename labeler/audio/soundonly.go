package audio

import (
	"context"
	"time"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
)

// sniffTimeout bounds the look inside a file while detecting its kind:
// ffprobe reads only headers, so this is never reached on sane files.
const sniffTimeout = 20 * time.Second

// soundOnly reports whether ffprobe finds at least one audio stream and
// no video stream other than cover art. Without ffprobe it says no, and
// the video kind explains what is missing. ffmpeg.Probe remembers the
// answer per file version, so detection may ask as often as it needs.
func soundOnly(path string) bool {
	ctx, cancel := context.WithTimeout(context.Background(), sniffTimeout)
	defer cancel()
	info, err := ffmpeg.Probe(ctx, path)
	return err == nil && info.Count("audio") > 0 && info.Count("video") == 0
}

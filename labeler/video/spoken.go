package video

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/internal/wav"
)

// loudnessWindow is how much of the programme is measured to set the
// notice's loudness: the notice plays at the start, so the start is what
// it must sit beside, and measuring it all would decode hours of sound.
const loudnessWindow = 60 * time.Second

// addNotice obtains the spoken notice when the spec asks for it and the
// video has sound (or a notice-only track is wanted), as loud as the
// programme sounds. It returns a note for the person when the notice
// could not be made; the visible label still satisfies the law, so the
// file is labeled without it.
func (k Kind) addNotice(ctx context.Context, p *plan, dir string) string {
	v := p.spec.Video
	if !v.Spoken || (p.src.audio == nil && !v.NoticeTrackWhenSilent) {
		return ""
	}
	if k.notice == nil {
		return "spoken notice left out: the video kind was built without a notice source (video.WithNotice)"
	}
	rate, channels, lufs := 48000, 2, math.Inf(-1)
	if p.src.audio != nil {
		rate, channels = audioRate(p.src), audioChannels(p.src)
		lufs = programmeLoudness(ctx, p.input)
	}
	path := filepath.Join(dir, "notice.wav")
	if err := k.writeNotice(ctx, path, p, rate, channels, lufs); err != nil {
		return "spoken notice left out: " + err.Error()
	}
	length, err := wavLength(path)
	if err != nil || length <= 0 {
		return "spoken notice left out: the notice recording is unreadable"
	}
	p.noticeWAV, p.noticeLen = path, length
	if p.noticeLen > p.total() {
		return "the spoken notice is longer than the video and is cut at its end"
	}
	return ""
}

// wavLength is how long the notice we wrote plays, read from its
// header: asking ffprobe would cost a process start.
func wavLength(path string) (time.Duration, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return 0, err
	}
	w, err := wav.Parse(f, st.Size())
	if err != nil {
		return 0, err
	}
	if w.BlockAlign <= 0 || w.Rate <= 0 {
		return 0, fmt.Errorf("the notice is not PCM")
	}
	return time.Duration(float64(w.Frames()) / float64(w.Rate) * float64(time.Second)), nil
}

func (k Kind) writeNotice(ctx context.Context, path string, p *plan, rate, channels int, lufs float64) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := k.notice(ctx, f, p.spec, rate, channels, lufs); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// programmeLoudness measures the integrated loudness (EBU R128) of the
// first sound track's opening minute; -Inf when it can't be measured.
func programmeLoudness(ctx context.Context, path string) float64 {
	out, err := ffmpeg.Run(ctx, "ffmpeg", "-hide_banner", "-nostdin", "-v", "error",
		"-t", strconv.Itoa(int(loudnessWindow.Seconds())), "-i", ffmpeg.SafePath(path),
		"-map", "0:a:0", "-af", "ebur128=metadata=1,ametadata=mode=print:key=lavfi.r128.I:file=-",
		"-f", "null", "-")
	if err != nil {
		return math.Inf(-1)
	}
	return lastR128(string(out))
}

// lastR128 reads the final "lavfi.r128.I=-23.1" line ametadata printed.
func lastR128(out string) float64 {
	v := math.Inf(-1)
	for _, l := range strings.Split(out, "\n") {
		if _, val, ok := strings.Cut(strings.TrimSpace(l), "lavfi.r128.I="); ok {
			if f, err := strconv.ParseFloat(val, 64); err == nil {
				v = f
			}
		}
	}
	return v
}

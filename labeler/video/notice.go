package video

import (
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/labeler"
)

// NoticeSource writes the spoken notice for spec as a WAV file to w, at
// the given sample rate and channel count, at a loudness of lufs LUFS
// (integrated). It has the shape of the audio kind's WriteNoticeWAV, so
// that builder can be injected unchanged with WithNotice.
type NoticeSource func(ctx context.Context, w io.Writer, spec labeler.Spec, rate, channels int, lufs float64) error

// Loudness bounds for the notice, as the audio kind uses them: matching a
// whisper would bury the words, matching a loud master would need heavy
// limiting.
const (
	defaultLUFS  = -23.0 // EBU R128 programme level
	minMatchLUFS = -36.0
	maxMatchLUFS = -10.0
)

// noticeTarget is the loudness the notice gets beside a programme
// measured at programme LUFS.
func noticeTarget(programme float64) float64 {
	if math.IsInf(programme, 0) || math.IsNaN(programme) || programme == 0 {
		return defaultLUFS
	}
	return max(minMatchLUFS, min(maxMatchLUFS, programme))
}

// EspeakNotice is the fallback NoticeSource: each language's notice
// spoken by espeak-ng, joined with short pauses, resampled and set to the
// loudness asked for by ffmpeg. The text reaches espeak-ng in a file, so
// no wording can become an option.
func EspeakNotice(ctx context.Context, w io.Writer, spec labeler.Spec, rate, channels int, lufs float64) error {
	dir, err := os.MkdirTemp("", "belgi-notice-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	var parts []string
	for i, line := range noticeLines(spec) {
		txt := filepath.Join(dir, fmt.Sprintf("%d.txt", i))
		wav := filepath.Join(dir, fmt.Sprintf("%d.wav", i))
		if err := os.WriteFile(txt, []byte(line.text), 0o600); err != nil {
			return err
		}
		if _, err := ffmpeg.Run(ctx, "espeak-ng", "-v", line.voice, "-s", "150", "-w", wav, "-f", txt); err != nil {
			return fmt.Errorf("speaking the %s notice: %w", line.voice, err)
		}
		parts = append(parts, wav)
	}
	out, err := ffmpeg.Run(ctx, "ffmpeg", joinArgs(parts, rate, channels, lufs)...)
	if err != nil {
		return fmt.Errorf("assembling the spoken notice: %w", err)
	}
	_, err = w.Write(out)
	return err
}

type spokenLine struct{ voice, text string }

// noticeLines are the sentences to speak, in the label's languages.
func noticeLines(spec labeler.Spec) []spokenLine {
	var out []spokenLine
	for _, wd := range spec.Wordings() {
		out = append(out, spokenLine{string(wd.Lang), wd.Notice})
		if wd.Person != "" {
			out = append(out, spokenLine{string(wd.Lang), wd.Person})
		}
	}
	return out
}

// joinArgs concatenates the clips with 0.4 s pauses (espeak-ng speaks
// 22,050 Hz mono; concat wants equal formats, so each is resampled
// first), then sets rate, channels and loudness.
func joinArgs(parts []string, rate, channels int, lufs float64) []string {
	args := []string{"-hide_banner", "-nostdin", "-v", "error"}
	var graph, labels strings.Builder
	for i, p := range parts {
		args = append(args, "-i", ffmpeg.SafePath(p))
		pad := "apad=pad_dur=0.4,"
		if i == len(parts)-1 {
			pad = ""
		}
		fmt.Fprintf(&graph, "[%d:a]%saresample=%d,aformat=sample_fmts=s16:channel_layouts=mono[p%d];", i, pad, rate, i)
		fmt.Fprintf(&labels, "[p%d]", i)
	}
	// The layout is pinned again at the end: ffmpeg 5.1 fails to
	// negotiate a mono output after loudnorm otherwise.
	layout := layoutFor(channels)
	fmt.Fprintf(&graph, "%sconcat=n=%d:v=0:a=1,aformat=channel_layouts=%s,loudnorm=I=%.1f:TP=-1.5,aresample=%d,aformat=sample_fmts=s16:channel_layouts=%s[out]",
		labels.String(), len(parts), layout, lufs, rate, layout)
	return append(args, "-filter_complex", graph.String(), "-map", "[out]",
		"-c:a", "pcm_s16le", "-f", "wav", "-")
}

// layoutFor names the usual layout of n channels; ffmpeg spreads the
// mono voice over it.
func layoutFor(n int) string {
	switch n {
	case 0, 2:
		return "stereo"
	case 1:
		return "mono"
	case 6:
		return "5.1"
	case 8:
		return "7.1"
	}
	return fmt.Sprintf("%dc", n)
}

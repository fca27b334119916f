package audio

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/internal/pcm"
	"github.com/belgi-kz/belgi/labeler"
)

// copyBlocked says why the programme can't be stream-copied, "" if it
// may be tried.
func (p *probed) copyBlocked(slots []slot) string {
	for _, s := range slots {
		if s.lead && s.tail {
			return "repeats inside the programme can't be stream-copied in " + p.format
		}
	}
	switch {
	case p.format == FormatFLAC:
		return "FLAC frames number their own samples (the re-encode is lossless, nothing is lost)"
	case p.format == FormatM4A && p.stream.Profile != "LC":
		return "only AAC-LC can be encoded alike here; this programme is AAC " + p.stream.Profile
	}
	return ""
}

// concat encodes the notice blocks alike and joins them to the programme
// with ffmpeg's concat demuxer and stream copy. It returns a reason when
// the codec set-ups differ (a copy would not decode) or the join comes out
// the wrong length; the caller then re-encodes.
func (p *probed) concat(ctx context.Context, job labeler.Job, notice *pcm.PCM, slots []slot, xmp []byte) (string, error) {
	dir, err := tempDir(job.Temp)
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(dir)
	list := "ffconcat version 1.0\n"
	want := p.duration
	for i, sl := range slots {
		b := block(notice, sl, gapOf(job.Spec.Audio))
		path := filepath.Join(dir, strconv.Itoa(i)+extFor(p.format))
		if err := encodeWith(ctx, b, path, p.codecArgs()); err != nil {
			return "", err
		}
		if reason := p.sameSetup(ctx, path); reason != "" {
			return reason, nil
		}
		want += b.Duration().Seconds()
		if i == 0 {
			list += concatEntry(path) + concatEntry(job.Input)
		} else {
			list += concatEntry(path)
		}
	}
	listPath := filepath.Join(dir, "list.ffconcat")
	if err := os.WriteFile(listPath, []byte(list), 0o600); err != nil {
		return "", fmt.Errorf("audio: %w", err)
	}
	args := []string{"-nostdin", "-v", "error", "-y", "-f", "concat", "-safe", "0", "-i", ffmpeg.SafePath(listPath),
		"-i", ffmpeg.SafePath(job.Input), "-map", "0:a", "-c", "copy"}
	args = append(append(args, p.metaArgs(job.Spec, xmp)...), "-f", muxer(p.format), ffmpeg.SafePath(job.Temp))
	if _, err := ffmpeg.Run(ctx, "ffmpeg", args...); err != nil {
		if ctx.Err() != nil {
			return "", err
		}
		return "the stream copy failed (" + err.Error() + ")", nil
	}
	return p.checkLength(ctx, job.Temp, want), nil
}

// sameSetup compares an encoded notice's codec set-up with the
// programme's: Vorbis codebooks and AAC configurations must be identical
// for one header to serve both; Opus packets describe themselves.
func (p *probed) sameSetup(ctx context.Context, path string) string {
	n, err := probeAudio(ctx, path, p.format)
	switch {
	case err != nil:
		return "the encoded notice could not be read back"
	case n.channels != p.channels || n.stream.CodecName != p.stream.CodecName:
		return "the notice could not be encoded with the programme's codec and channels"
	case p.format != FormatOpus && n.stream.ExtradataHash != p.stream.ExtradataHash:
		return "the programme's codec set-up differs from what ffmpeg's encoder writes"
	}
	return ""
}

// checkLength returns a reason when the joined file's duration is off by
// more than 0.25 s: a sign the copy misjoined timestamps.
func (p *probed) checkLength(ctx context.Context, path string, want float64) string {
	info, err := ffmpeg.Probe(ctx, path)
	if err != nil {
		return "the stream-copied result could not be read back"
	}
	got, _ := strconv.ParseFloat(info.Format.Duration, 64)
	if math.Abs(got-want) > 0.25 {
		return fmt.Sprintf("the stream-copied result lasts %.2f s instead of %.2f s", got, want)
	}
	return ""
}

func concatEntry(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	return "file '" + strings.ReplaceAll(abs, "'", `'\''`) + "'\n"
}

func extFor(format string) string {
	switch format {
	case FormatFLAC:
		return ".flac"
	case FormatM4A:
		return ".m4a"
	case FormatOpus:
		return ".opus"
	}
	return ".ogg"
}

// metaArgs keeps the programme's tags (input 1) and adds Belgi's:
// Vorbis comments DIGITALSOURCETYPE and XMP for FLAC and Ogg (set on the
// stream too, where the Ogg muxer reads them), a comment for M4A (its XMP
// goes in a uuid box afterwards).
func (p *probed) metaArgs(spec labeler.Spec, xmp []byte) []string {
	args := []string{"-map_metadata", "1", "-map_metadata:s:a", "1:s:a"}
	dst := spec.DigitalSourceType()
	if p.format == FormatM4A {
		return append(args, "-metadata", "comment=AI "+string(spec.AI)+" ("+dst+"), labeled by "+labeler.Tool)
	}
	for _, scope := range []string{"-metadata", "-metadata:s:a:0"} {
		args = append(args, scope, "DIGITALSOURCETYPE="+dst, scope, "XMP="+string(xmp))
	}
	return args
}

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

// copyable codecs are framed so that a notice encoded alike can be put
// before the programme's packets without decoding them.
var copyable = map[string]bool{"vorbis": true, "opus": true, "aac": true, "ac3": true, "eac3": true, "mp2": true}

// copyBlocked says why the programme can't be stream-copied, "" if it
// may be tried.
func (p *probed) copyBlocked(slots []slot) string {
	for _, s := range slots {
		if s.lead && s.tail {
			return "repeats inside the programme can't be stream-copied in " + p.out.name
		}
	}
	codec := p.stream.CodecName
	switch {
	case codecOf(p.encoder) != codec:
		return "no encoder here writes " + codec + " in " + p.out.name
	case lossless(codec):
		return "the programme is lossless (the re-encode loses nothing)"
	case codec == "aac" && p.stream.Profile != "LC":
		return "only AAC-LC can be encoded alike here; this programme is AAC " + p.stream.Profile
	case !copyable[codec]:
		return codec + " frames can't be joined without re-encoding"
	case p.out.raw:
		return "raw " + p.out.name + " frames carry no times for ffmpeg's join to follow"
	}
	return ""
}

// concat encodes the notice blocks alike and joins them to the programme
// with ffmpeg's concat demuxer and stream copy. It returns a reason when
// the codec set-ups differ (a copy would not decode) or the join comes out
// the wrong length; the caller then re-encodes. It also returns the
// seconds the encoded notices add, as they decode.
func (p *probed) concat(ctx context.Context, job labeler.Job, notice *pcm.PCM, slots []slot, xmp []byte) (string, float64, error) {
	dir, err := tempDir(job.Temp)
	if err != nil {
		return "", 0, err
	}
	defer os.RemoveAll(dir)
	list := "ffconcat version 1.0\n"
	added := 0.0
	for i, sl := range slots {
		b := block(notice, sl, gapOf(job.Spec.Audio))
		path := filepath.Join(dir, strconv.Itoa(i)+".part")
		if err := encodeWith(ctx, b, path, p.codecArgs()); err != nil {
			return "", 0, err
		}
		if reason := p.sameSetup(ctx, path, job.Input); reason != "" {
			return reason, 0, nil
		}
		n, err := decodedSeconds(ctx, path)
		if err != nil {
			return "", 0, err
		}
		added += n
		list += concatEntry(path)
		if i == 0 {
			list += concatEntry(job.Input)
		}
	}
	listPath := filepath.Join(dir, "list.ffconcat")
	if err := os.WriteFile(listPath, []byte(list), 0o600); err != nil {
		return "", 0, fmt.Errorf("audio: %w", err)
	}
	args := []string{"-nostdin", "-v", "error", "-y", "-f", "concat", "-safe", "0", "-i", ffmpeg.SafePath(listPath),
		"-i", ffmpeg.SafePath(job.Input)}
	args = append(append(args, p.chapterInput()...), "-map", "0:a:0", "-c", "copy")
	args = append(append(args, p.keepArgs()...), p.metaArgs(job.Spec, xmp)...)
	args = append(append(args, p.out.args...), "-f", p.out.muxer, ffmpeg.SafePath(job.Temp))
	if _, err := ffmpeg.Run(ctx, "ffmpeg", args...); err != nil {
		if ctx.Err() != nil {
			return "", 0, err
		}
		return "the stream copy failed (" + err.Error() + ")", 0, nil
	}
	return p.checkLength(ctx, job.Temp, float64(p.frames)/float64(p.rate)+added), added, nil
}

// decodedSeconds is how long a file lasts as decoded.
func decodedSeconds(ctx context.Context, path string) (float64, error) {
	info, err := ffmpeg.Probe(ctx, path)
	if err != nil || len(info.Streams) == 0 {
		return 0, fmt.Errorf("audio: the encoded notice does not read back: %v", err)
	}
	rate, _ := strconv.ParseInt(info.Streams[0].SampleRate, 10, 64)
	n, err := countFrames(ctx, path, ffmpeg.DecodeOptions{Channels: info.Streams[0].Channels})
	if err != nil || rate == 0 {
		return 0, fmt.Errorf("audio: the encoded notice does not decode: %v", err)
	}
	return float64(n) / float64(rate), nil
}

// sameSetup compares an encoded notice (path) with the programme (src):
// Vorbis codebooks and AAC configurations must be identical for one
// header to serve both; Opus packets describe themselves, but not the
// header's channel mapping and output gain.
func (p *probed) sameSetup(ctx context.Context, path, src string) string {
	n, err := probeAudio(ctx, path, p.format)
	switch {
	case err != nil:
		return "the encoded notice could not be read back"
	case n.channels != p.channels || n.stream.CodecName != p.stream.CodecName || n.rate != p.rate:
		return "the notice could not be encoded with the programme's codec, rate and channels"
	case p.stream.CodecName == "opus":
		return opusHeadsDiffer(src, path)
	case n.stream.ExtradataHash != p.stream.ExtradataHash:
		return "the programme's codec set-up differs from what ffmpeg's encoder writes"
	}
	return ""
}

// checkLength returns a reason when the joined file's duration is off by
// more than 0.25 s: a sign the copy misjoined timestamps.
func (p *probed) checkLength(ctx context.Context, path string, want float64) string {
	got, err := p.joinedLength(ctx, path)
	if err != nil {
		return "the stream-copied result could not be read back"
	}
	if math.Abs(got-want) > 0.25 {
		return fmt.Sprintf("the stream-copied result lasts %.2f s instead of %.2f s", got, want)
	}
	return ""
}

// joinedLength is how long the joined file plays. A raw ADTS stream has
// no header to say: ffprobe estimates it from the first frames' bit rate
// (8.26 s for a 9.20 s join of speech, whose notice is denser than its
// pauses), which failed every such copy into a needless re-encode. Its
// packets' times are summed instead.
func (p *probed) joinedLength(ctx context.Context, path string) (float64, error) {
	if p.format == FormatADTS {
		spans, err := ffmpeg.PacketSpans(ctx, path)
		s, ok := spans[0]
		if err != nil || !ok {
			return 0, fmt.Errorf("no packets: %v", err)
		}
		return s.End - s.Start, nil
	}
	info, err := ffmpeg.Probe(ctx, path)
	if err != nil {
		return 0, err
	}
	got, _ := ffmpeg.Seconds(info.Format.Duration)
	return got, nil
}

func concatEntry(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	return "file '" + strings.ReplaceAll(abs, "'", `'\''`) + "'\n"
}

// keepArgs map what the source carries besides the programme (input 1):
// cover art and Matroska attachments where the muxer writes them, and
// chapters (input 2, moved by the notices, when there are any).
func (p *probed) keepArgs() []string {
	args := []string{"-map_chapters", "1"}
	if p.chapters != "" {
		args[1] = "2"
	}
	if p.out.pictures {
		args = append(args, "-map", "1:v?", "-c:v", "copy")
		if p.out.muxer == "matroska" {
			args = append(args, "-map", "1:t?", "-c:t", "copy")
		}
	}
	return args
}

// chapterInput is the input of moved chapters, after the programme
// (input 0) and the source (input 1).
func (p *probed) chapterInput() []string {
	if p.chapters == "" {
		return nil
	}
	return []string{"-f", "ffmetadata", "-i", ffmpeg.SafePath(p.chapters)}
}

// pictures counts the source's attached pictures (cover art).
func (p *probed) pictures() int {
	n := 0
	for _, s := range p.info.Streams {
		if s.AttachedPic() {
			n++
		}
	}
	return n
}

// metaArgs keep the programme's tags (input 1), container-wide and on
// the sound stream, and add Belgi's as the container allows.
func (p *probed) metaArgs(spec labeler.Spec, xmp []byte) []string {
	args := []string{"-map_metadata", "1", "-map_metadata:s:a:0", "1:s:a:0"}
	dst := spec.DigitalSourceType()
	switch p.out.marks {
	case marksMP4:
		return args // the XMP box is appended afterwards
	case marksMatroska:
		return append(args, "-metadata", tagDSTMKV+"="+dst, "-metadata", tagXMP+"="+string(xmp))
	case marksTags:
		return append(args, "-metadata", tagDSTGeneric+"="+dst, "-metadata", tagXMP+"="+string(xmp))
	}
	for _, scope := range []string{"-metadata", "-metadata:s:a:0"} {
		args = append(args, scope, tagDSTVorbis+"="+dst, scope, tagXMP+"="+string(xmp))
	}
	return args
}

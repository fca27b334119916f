package audio

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
)

// chooseEncoder picks the source's codec when this ffmpeg encodes it and
// the output container takes it, else the container's fallback; DSD is
// made PCM at a rate FLAC stores.
func (p *probed) chooseEncoder(ctx context.Context) {
	src := p.stream.CodecName
	enc := encoders[src]
	if strings.HasPrefix(src, "pcm_") {
		enc = src
	}
	if enc == "" || !ffmpeg.HasEncoder(ctx, enc) || !takes(p.out.muxer, codecOf(enc)) {
		enc = p.out.fallback
		if p.out.into == "" {
			p.notes = append(p.notes, fmt.Sprintf("no encoder here writes %s in %s: the programme was re-encoded as %s",
				src, p.out.name, codecOf(enc)))
		}
	}
	if strings.HasPrefix(src, "dsd_") && p.rate > 192000 {
		p.rate, p.resample = 88200, true
	}
	if p.out.into != "" {
		why := "no encoder here writes " + p.out.name
		if p.out.raw {
			why = "raw " + p.out.name + " frames have nowhere to keep a mark"
		}
		p.notes = append(p.notes, fmt.Sprintf("%s: labeled as %s (%s)", why, strings.ToUpper(writtenAs(p.format)), codecOf(enc)))
	}
	p.encoder = enc
}

// restricted lists the codecs muxers that take only a few accept.
var restricted = map[string][]string{
	"ipod": {"aac", "alac", "mp3"}, "webm": {"opus", "vorbis"}, "ogg": {"vorbis", "opus", "flac", "speex"},
	"flac": {"flac"}, "asf": {"wmav1", "wmav2", "mp3"}, "adts": {"aac"}, "wv": {"wavpack"},
}

func takes(muxer, codec string) bool {
	list, ok := restricted[muxer]
	if !ok {
		return true
	}
	for _, c := range list {
		if c == codec {
			return true
		}
	}
	return false
}

// codecArgs are ffmpeg's output options that encode like the programme:
// its codec (or the chosen one), rate, channels, and bitrate or sample
// depth.
func (p *probed) codecArgs() []string {
	args := []string{"-c:a", p.encoder, "-ar", strconv.Itoa(p.rate), "-ac", strconv.Itoa(p.channels)}
	if l := p.stream.ChannelLayout; l != "" && !strings.Contains(l, "unknown") {
		args = append(args, "-channel_layout", l)
	}
	switch {
	case p.encoder == "flac":
		args = append(args, "-sample_fmt", flacSampleFmt(p.stream))
		if b := p.bits(); b != "" {
			args = append(args, "-bits_per_raw_sample", b)
		}
	case p.encoder == "wavpack":
		// Given float samples, ffmpeg's encoder would write float WavPack.
		args = append(args, "-sample_fmt", wavpackSampleFmt(p.stream.SampleFmt))
		if b := p.bits(); b != "" {
			args = append(args, "-bits_per_raw_sample", b)
		}
	case p.encoder == "alac":
		args = append(args, "-sample_fmt", "s16p")
		if b, _ := strconv.Atoi(p.bits()); b > 16 {
			args[len(args)-1] = "s32p"
		}
	case !lossless(codecOf(p.encoder)):
		args = append(args, "-b:a", p.kbps())
	}
	args = append(args, p.out.args...)
	return append(args, "-f", p.out.muxer)
}

// bits is the source's sample depth ("24"), "" when it has none; DSD
// becomes 24-bit PCM.
func (p *probed) bits() string {
	if strings.HasPrefix(p.stream.CodecName, "dsd_") {
		return "24"
	}
	if b := p.stream.BitsPerRawSample; b != "" && b != "0" {
		return b
	}
	return ""
}

// wavpackSampleFmt is the planar format of the source's samples that
// ffmpeg's WavPack encoder takes.
func wavpackSampleFmt(src string) string {
	switch strings.TrimSuffix(src, "p") {
	case "u8", "s16", "flt":
		return strings.TrimSuffix(src, "p") + "p"
	case "dbl":
		return "fltp"
	}
	return "s32p"
}

func flacSampleFmt(s ffmpeg.Stream) string {
	if strings.HasPrefix(s.SampleFmt, "s16") || strings.HasPrefix(s.SampleFmt, "u8") {
		return "s16"
	}
	return "s32"
}

// kbps is the programme's bitrate for a lossy encoder: the source's own,
// or the encoder's usual one when unknown (or the source was lossless).
func (p *probed) kbps() string {
	def := map[string]int{"libopus": 96, "libspeex": 24, "wmav2": 128, "aac": 160, "libvorbis": 160}[p.encoder]
	if def == 0 {
		def = 160
	}
	k := def
	if p.bitrate > 0 && !lossless(p.stream.CodecName) {
		k = max(8, p.bitrate/1000)
	}
	if p.encoder == "libopus" {
		k = min(k, 256*p.channels) // the container's rate counts overhead too
	}
	return strconv.Itoa(k) + "k"
}

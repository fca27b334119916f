package audio

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/internal/pcm"
	"github.com/belgi-kz/belgi/internal/wav"
	"github.com/belgi-kz/belgi/labeler"
)

// reencode re-encodes the whole programme with the notices put in: in
// the source's codec when an encoder here writes it, else as 16-bit PCM.
func (c *coded) reencode(ctx context.Context, job labeler.Job, notice *pcm.PCM, slots []slot, reason string) (joined, error) {
	enc, args, note := c.encoder()
	dir, err := tempDir(job.Temp)
	if err != nil {
		return joined{}, err
	}
	j := joined{codec: codecOf(enc), spb: max(1, c.samplesPerBlock()), work: dir}
	if enc == "libmp3lame" {
		j.spb = 1152
	}
	tmp := filepath.Join(dir, "programme.wav")
	blk := func(s slot) *pcm.PCM { return block(notice, s, gapOf(job.Spec.Audio)) }
	sp := splice{input: job.Input, rate: c.rate, channels: c.channels, total: c.frames, slots: slots, block: blk, progress: job.Progress}
	if err := sp.encode(ctx, nil, append(args, "-f", "wav"), tmp); err != nil {
		j.done()
		return joined{}, fmt.Errorf("audio: re-encoding: %w", err)
	}
	f, err := os.Open(tmp)
	if err == nil {
		j.open = append(j.open, f)
		st, _ := f.Stat()
		var info *wav.File
		if info, err = wav.Parse(f, st.Size()); err == nil {
			j.format, j.pieces = info.Format, []piece{{r: f, off: info.Data.Offset, n: info.Data.Size}}
		}
	}
	if err != nil {
		j.done()
		return joined{}, fmt.Errorf("audio: the re-encoded programme: %w", err)
	}
	j.timeline = timelineOf(slots, notice, job.Spec.Audio)
	j.how = fmt.Sprintf("WAV (%s): programme re-encoded because %s%s", c.codec, reason, note)
	return j, nil
}

// encoder picks the encoder for a re-encode and says when it is not the
// source's codec.
func (c *coded) encoder() (string, []string, string) {
	in := c.src.info
	base := []string{"-ar", strconv.Itoa(c.rate), "-ac", strconv.Itoa(c.channels)}
	bc := blockCodecs[in.Tag]
	switch {
	case bc.encoder != "" && bc.sized:
		return bc.encoder, append(base, "-c:a", bc.encoder, "-block_size", strconv.Itoa(in.BlockAlign)), ""
	case bc.encoder != "":
		return bc.encoder, append(base, "-c:a", bc.encoder), ""
	case in.Tag == wav.TagMPEGLayer3:
		kbps := max(8, int(math.Round(float64(avgBytes(in.Raw))*8/1000)))
		return "libmp3lame", append(base, "-c:a", "libmp3lame", "-b:a", strconv.Itoa(kbps)+"k"), ""
	case wavEncoders[c.codec] != "" && ffmpeg.HasEncoder(context.Background(), wavEncoders[c.codec]):
		return wavEncoders[c.codec], append(base, "-c:a", wavEncoders[c.codec]), ""
	}
	return "pcm_s16le", append(base, "-c:a", "pcm_s16le"),
		fmt.Sprintf("; no encoder here writes %s in a WAV, so it was written as 16-bit PCM", c.codec)
}

// wavEncoders write codecs WAVs hold, by ffprobe's name for them.
var wavEncoders = map[string]string{
	"gsm_ms": "libgsm_ms", "adpcm_g726le": "g726le", "adpcm_g722": "g722", "adpcm_yamaha": "adpcm_yamaha",
	"pcm_s24le": "pcm_s24le", "pcm_u8": "pcm_u8", "pcm_f64le": "pcm_f64le",
}

// avgBytes reads a fmt chunk's average bytes per second.
func avgBytes(raw []byte) int {
	if len(raw) < 12 {
		return 0
	}
	return int(raw[8]) | int(raw[9])<<8 | int(raw[10])<<16 | int(raw[11])<<24
}

// readBack proves a labeled coded WAV whole: ffprobe finds the codec
// written, and it decodes without error to the programme's length plus
// the notices, within a codec block.
func (c *coded) readBack(ctx context.Context, path string, j joined) error {
	src := c.src.f.Name()
	info, err := ffmpeg.Probe(ctx, path)
	if err != nil {
		return fmt.Errorf("audio: the labeled copy does not read back: %w", err)
	}
	if info.Count("audio") != 1 || info.Streams[0].CodecName != j.codec {
		return fmt.Errorf("audio: the labeled copy holds %d streams, the first %q; want one %s stream", info.Count("audio"), firstCodec(info), j.codec)
	}
	n, err := decodedFrames(ctx, path, src, c.channels)
	if err != nil {
		return fmt.Errorf("audio: the labeled copy does not decode: %w", err)
	}
	want := c.frames + j.timeline.added()
	if d := n - want; d > int64(2*j.spb) || d < -int64(2*j.spb) {
		return fmt.Errorf("audio: the labeled copy decodes to %d samples, expected %d", n, want)
	}
	return nil
}

func firstCodec(info ffmpeg.Info) string {
	if len(info.Streams) == 0 {
		return ""
	}
	return info.Streams[0].CodecName
}

// readBack proves a labeled PCM WAV whole without ffmpeg: it parses, has
// the source's exact format, the data size expected and Belgi's _PMX.
func (s *wavSource) readBack(path string, wantData int64) error {
	f, size, err := openSized(path)
	if err != nil {
		return err
	}
	defer f.Close()
	out, err := wav.Parse(f, size)
	switch {
	case err != nil:
		return fmt.Errorf("audio: the labeled copy does not read back: %w", err)
	case string(out.Raw) != string(s.info.Raw):
		return fmt.Errorf("audio: the labeled copy's format differs from the source's")
	case out.Data.Size != wantData:
		return fmt.Errorf("audio: the labeled copy holds %d bytes of samples, expected %d", out.Data.Size, wantData)
	}
	return nil
}

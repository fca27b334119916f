package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/belgi-kz/belgi/internal/scratch"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/audio"
)

// runNotice writes a spoken notice on its own, as a WAV file: for editors
// who place it by hand, and to hear what a label will say.
func runNotice(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("notice", flag.ContinueOnError)
	fs.SetOutput(stderr)
	sf := newSpecFlags(fs)
	out := fs.String("o", "notice.wav", "output WAV file")
	rate := fs.Int("rate", 48000, "sample rate, Hz (8000-96000)")
	channels := fs.Int("channels", 2, "channels: 1, 2 or 6 (5.1, notice in the centre)")
	lufs := fs.Float64("lufs", audio.DefaultLUFS, "loudness, LUFS")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: belgi-cli notice [-lang kk,ru] [-ai modified] [-cue] [-o notice.wav]")
		printUsage(stderr, fs)
	}
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	spec, err := sf.resolve()
	if err == nil {
		err = checkNoticeFlags(*rate, *channels, *lufs)
	}
	if err != nil {
		fmt.Fprintf(stderr, "belgi-cli notice: %v\n", err)
		return exitUsage
	}
	stop := onStopSignals()
	defer stop.stop()
	if err := writeNotice(stop.ctx, spec, *out, *rate, *channels, *lufs); err != nil {
		fmt.Fprintf(stderr, "belgi-cli notice: %v\n", err)
		return stop.code(exitFail)
	}
	fmt.Fprintf(stdout, "wrote %s\n", *out)
	return exitOK
}

func checkNoticeFlags(rate, channels int, lufs float64) error {
	switch {
	case rate < 8000 || rate > 96000:
		return fmt.Errorf("sample rate %d Hz is outside 8000-96000", rate)
	case channels < 1 || channels > 8:
		return fmt.Errorf("%d channels: use 1 to 8", channels)
	case lufs < -40 || lufs > -5:
		return fmt.Errorf("loudness %.3g LUFS is outside -40 to -5", lufs)
	}
	return nil
}

// writeNotice writes beside the target first, so a failure never leaves
// half a file under the requested name.
func writeNotice(ctx context.Context, spec labeler.Spec, out string, rate, channels int, lufs float64) error {
	var b bytes.Buffer
	if err := audio.WriteNoticeWAV(ctx, &b, spec, rate, channels, lufs); err != nil {
		return err
	}
	tmp, err := scratch.File(filepath.Dir(out), ".wav")
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	if err := os.WriteFile(tmp, b.Bytes(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, out)
}

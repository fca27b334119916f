package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/audio"
	"github.com/belgi-kz/belgi/labeler/video"
)

// runAssets writes the label assets for an edit timeline: the badge
// (PNG and a clip with alpha), the slate, the spoken notice and a README
// saying where each goes, for a video's frame or a chosen size.
func runAssets(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("assets", flag.ContinueOnError)
	fs.SetOutput(stderr)
	sf := newSpecFlags(fs)
	out := fs.String("o", "belgi-assets", "output folder")
	size := fs.String("frame", "1920x1080", "frame size WxH, when not made -for a video (-size is the label's size)")
	rate := fs.String("rate", "25", "frame rate of the clips (25, 30000/1001), when not made -for a video")
	forVideo := fs.String("for", "", "make the assets for this video: its frame, frame rate, sound and footage")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: belgi-cli assets -o DIR [-frame WxH | -for video.mp4] [label flags]")
		printUsage(stderr, fs)
	}
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	spec, err := sf.resolve()
	if err != nil || fs.NArg() > 0 {
		fmt.Fprintf(stderr, "belgi-cli assets: %v\n", orArgs(err, fs.Args()))
		return exitUsage
	}
	stop := onStopSignals()
	defer stop.stop()
	opt, err := assetOptions(stop.ctx, spec, *size, *rate, *forVideo)
	if err != nil {
		fmt.Fprintf(stderr, "belgi-cli assets: %v\n", err)
		return stop.code(exitUsage)
	}
	written, err := video.New(video.WithNotice(audio.NoticeBeside)).WriteAssets(stop.ctx, *out, spec, opt)
	if err != nil {
		fmt.Fprintf(stderr, "belgi-cli assets: %v\n", err)
		return stop.code(exitFail)
	}
	for _, a := range written {
		fmt.Fprintf(stdout, "wrote %s/%s  (%s)\n", *out, a.Name, a.What)
	}
	return exitOK
}

func orArgs(err error, args []string) error {
	if err != nil {
		return err
	}
	return fmt.Errorf("unexpected arguments %q (the video goes after -for)", strings.Join(args, " "))
}

// assetOptions measures the video given with -for, or reads -size and
// -rate.
func assetOptions(ctx context.Context, spec labeler.Spec, size, rate, forVideo string) (video.AssetOptions, error) {
	if forVideo != "" {
		return video.AssetOptionsFor(ctx, forVideo, spec)
	}
	w, h, err := parseSize(size)
	if err != nil {
		return video.AssetOptions{}, err
	}
	o := video.DefaultAssetOptions(w, h)
	if !validRate(rate) {
		return o, fmt.Errorf("-rate %q: use frames per second, such as 25 or 30000/1001", rate)
	}
	o.FrameRate = rate
	return o, nil
}

// parseSize reads "1920x1080" (or with ×).
func parseSize(s string) (int, int, error) {
	a, b, ok := strings.Cut(strings.ReplaceAll(strings.ToLower(s), "×", "x"), "x")
	w, err1 := strconv.Atoi(a)
	h, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil || w < 16 || h < 16 || w > 16384 || h > 16384 {
		return 0, 0, errors.New("-frame " + s + ": use WxH, each from 16 to 16384, such as 1920x1080")
	}
	return w, h, nil
}

// validRate accepts "25", "29.97" or "30000/1001".
func validRate(s string) bool {
	num, den, frac := strings.Cut(s, "/")
	n, err := strconv.ParseFloat(num, 64)
	if err != nil || n <= 0 || n > 1000 {
		return false
	}
	if !frac {
		return true
	}
	d, err := strconv.Atoi(den)
	return err == nil && d > 0
}

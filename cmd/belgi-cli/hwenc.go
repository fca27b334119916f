package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/labeler"
)

// checkEncoder refuses a hardware encoder this computer can't run: the
// app hides the choice then, and a script should hear why, not get
// software encodes it did not ask for.
func checkEncoder(ctx context.Context, spec labeler.Spec) error {
	e := spec.Video.Encoder
	if e == "" || e == labeler.EncoderSoftware || ffmpeg.HardwareWorks(ctx, "h264", e) {
		return nil
	}
	working := ffmpeg.WorkingHardware(ctx)
	have := "none works here"
	if len(working) > 0 {
		have = "working here: " + strings.Join(working, ", ")
	}
	return fmt.Errorf("-video-encoder %s: this computer's ffmpeg has no working %s encoder (a one-frame test encode failed or it is not built in); %s; use -video-encoder software", e, e, have)
}

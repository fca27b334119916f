package video

import (
	"context"
	"io"

	"github.com/belgi-kz/belgi/labeler"
)

// NoticeSource writes the spoken notice for spec as a WAV file to w, at
// the given sample rate and channel count, to go beside a programme whose
// integrated loudness (EBU R128) was measured at programme LUFS: -Inf
// when the video has no sound or it could not be measured. The source
// decides the notice's loudness from it. The audio kind's NoticeBeside
// has this shape and is what labeler/kinds injects with WithNotice, so a
// video's notice is the one an audio file gets, by the same rules.
type NoticeSource func(ctx context.Context, w io.Writer, spec labeler.Spec, rate, channels int, programme float64) error

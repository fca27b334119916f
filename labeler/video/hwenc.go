package video

import (
	"context"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/labeler"
)

// hwPixFmts are the source pixel formats a hardware encoder takes as
// they are, with the format it is handed: 8-bit 4:2:0 as NV12, 10-bit
// 4:2:0 as P010 (HEVC only). Anything else stays in software, where the
// source's sampling is kept.
var hwPixFmts = map[string]string{"yuv420p": "nv12", "yuvj420p": "nv12", "nv12": "nv12", "yuv420p10le": "p010le", "p010le": "p010le"}

// hardwareEncoding is the encoding of a full render on the chosen
// hardware family; ok is false, with a note for the person when a
// hardware encoder was chosen, when it can't be used for this video.
func hardwareEncoding(ctx context.Context, s *source, container string, v labeler.VideoSpec) (encoding, string, bool) {
	if v.Encoder == "" || v.Encoder == labeler.EncoderSoftware {
		return encoding{}, "", false
	}
	codec, fam := s.video.CodecName, v.Encoder
	pix := hwPixFmts[s.video.PixFmt]
	switch {
	case codec != "h264" && codec != "hevc":
		return encoding{}, "the " + fam + " encoder is used for H.264 and HEVC only: this " + codec + " video was encoded in software", false
	case pix == "" || (pix == "p010le" && codec != "hevc"):
		return encoding{}, "the " + fam + " encoder can't keep the " + s.video.PixFmt + " pixels: encoded in software", false
	case container == "webm":
		return encoding{}, "", false
	case !ffmpeg.HardwareWorks(ctx, codec, fam):
		return encoding{}, "the " + fam + " encoder does not work on this computer: encoded in software", false
	}
	e := encoding{codec: ffmpeg.HWEncoderName(codec, fam), pixFmt: pix, upload: ffmpeg.HWUpload(fam),
		inputArgs: ffmpeg.HWInputArgs(fam)}
	e.args = ffmpeg.HWQualityArgs(fam, v.CRF)
	if codec == "hevc" && (container == "mp4" || container == "mov") {
		e.args = append(e.args, "-tag:v", "hvc1")
	}
	if fam != ffmpeg.HWVAAPI { // VAAPI takes its frames uploaded, in the GPU's format
		e.args = append(e.args, "-pix_fmt", pix)
	}
	return e, "", true
}

package ffmpeg

import (
	"context"
	"strconv"
	"sync"
)

// Hardware video encoder families Belgi can drive. Each is offered only
// when ffmpeg lists its encoder AND a one-frame test encode works: builds
// list them whether or not the machine has the hardware or driver.
const (
	HWVAAPI        = "vaapi"        // Intel/AMD on Linux
	HWNVENC        = "nvenc"        // NVIDIA
	HWQSV          = "qsv"          // Intel Quick Sync
	HWVideoToolbox = "videotoolbox" // macOS
)

// HWFamilies lists the families in the order they are preferred.
var HWFamilies = []string{HWNVENC, HWQSV, HWVAAPI, HWVideoToolbox}

// VAAPIDevice is the render node VAAPI encodes on.
const VAAPIDevice = "/dev/dri/renderD128"

// HWEncoderName is ffmpeg's encoder of a codec ("h264", "hevc") in a
// family: "h264_nvenc".
func HWEncoderName(codec, family string) string { return codec + "_" + family }

// HWInputArgs are the options a family needs before ffmpeg's inputs.
func HWInputArgs(family string) []string {
	if family == HWVAAPI {
		return []string{"-vaapi_device", VAAPIDevice}
	}
	return nil
}

// HWUpload is what a family needs at the end of a filter graph: VAAPI
// encodes only frames already in the GPU's memory.
func HWUpload(family string) string {
	if family == HWVAAPI {
		return ",hwupload"
	}
	return ""
}

// hwCache remembers which hardware encoders work: each test encode costs
// a process start and possibly a driver's initialisation.
var hwCache struct {
	mu      sync.Mutex
	results map[string]bool
}

// HardwareWorks reports whether ffmpeg's encoder for codec in family is
// listed and encodes one frame. The answer is kept for the process.
func HardwareWorks(ctx context.Context, codec, family string) bool {
	name := HWEncoderName(codec, family)
	hwCache.mu.Lock()
	defer hwCache.mu.Unlock()
	if ok, known := hwCache.results[name]; known {
		return ok
	}
	ok := HasEncoder(ctx, name) && testEncode(ctx, name, family) == nil
	if ctx.Err() == nil {
		if hwCache.results == nil {
			hwCache.results = map[string]bool{}
		}
		hwCache.results[name] = ok
	}
	return ok
}

// WorkingHardware lists the families whose H.264 encoder works.
func WorkingHardware(ctx context.Context) []string {
	var out []string
	for _, f := range HWFamilies {
		if HardwareWorks(ctx, "h264", f) {
			out = append(out, f)
		}
	}
	return out
}

// HWQualityArgs maps x264's CRF (0-51, lower is better) to a family's
// quality knob, so that a hardware encode looks about as good: NVENC's
// constant-quality level takes the same scale; VAAPI's constant QP and
// QSV's ICQ run a little higher for the same look, as a constant QP
// spends more bits where CRF saves them; VideoToolbox's quality runs
// 1-100, higher is better.
func HWQualityArgs(family string, crf int) []string {
	switch family {
	case HWNVENC:
		return []string{"-preset", "p5", "-rc", "vbr", "-cq", strconv.Itoa(crf), "-b:v", "0"}
	case HWQSV:
		return []string{"-global_quality", strconv.Itoa(min(51, crf+2)), "-look_ahead", "0"}
	case HWVAAPI:
		return []string{"-rc_mode", "CQP", "-qp", strconv.Itoa(min(51, crf+2))}
	case HWVideoToolbox:
		return []string{"-q:v", strconv.Itoa(max(1, min(100, 100-2*crf)))}
	}
	return nil
}

// testEncode encodes one small black frame with the encoder, as Belgi
// would (quality knob included), and throws the result away.
func testEncode(ctx context.Context, name, family string) error {
	args := append([]string{"-hide_banner", "-nostdin", "-v", "error"}, HWInputArgs(family)...)
	args = append(args, "-f", "lavfi", "-i", "color=c=black:s=256x144:r=25:d=0.04",
		"-vf", "format=nv12"+HWUpload(family), "-frames:v", "1", "-c:v", name)
	args = append(args, HWQualityArgs(family, 23)...)
	_, err := Run(ctx, "ffmpeg", append(args, "-f", "null", "-")...)
	return err
}

// ForgetProbes drops what was learned about ffmpeg's encoders, for when
// another ffmpeg is configured (and for tests that swap it).
func ForgetProbes() {
	hwCache.mu.Lock()
	hwCache.results = nil
	hwCache.mu.Unlock()
	encoderCache.mu.Lock()
	encoderCache.loaded, encoderCache.list, encoderCache.pixFmts, encoderCache.priming = false, nil, nil, nil
	encoderCache.mu.Unlock()
}

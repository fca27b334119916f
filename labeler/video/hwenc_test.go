package video

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// fakeNVENC puts a fake ffmpeg in front of the real one: it lists an
// h264_nvenc encoder and runs it as libx264, turning NVENC's options
// into x264's. This machine has no GPU, so the choice of encoder, its
// options and the fallbacks are tested through it; every call is
// logged to the returned file.
func fakeNVENC(t *testing.T) string {
	return wrapTool(t, "ffmpeg", func(real string) string {
		return `case " $* " in *" -encoders "*) '` + real + `' "$@"; echo " V....D h264_nvenc NVIDIA NVENC H.264 encoder"; exit 0;; esac
args=(); skip=0
for a in "$@"; do
  if [ $skip -gt 0 ]; then skip=$((skip-1)); continue; fi
  case "$a" in
    h264_nvenc) args+=(libx264);;
    -rc|-cq) skip=1;;
    p5) args+=(ultrafast);;
    *) args+=("$a");;
  esac
done
exec '` + real + `' "${args[@]}"
`
	})
}

// nvencCall is a full render's NVENC command line, its options given to
// the picture's output stream.
var nvencCall = regexp.MustCompile(`h264_nvenc .*-preset(:0)? p5 -rc vbr -cq 18 -b(:v)?(:0)? 0 -pix_fmt(:0)? nv12`)

// TestHardwareEncoder: a full render uses the working hardware encoder
// with the CRF mapped to its quality knob; one that does not work, or a
// codec it does not cover, falls back to software and says so.
func TestHardwareEncoder(t *testing.T) {
	cases := []struct {
		clip, encoder string
		hw            bool
		note          string
	}{
		{"h264.mp4", "nvenc", true, ""},
		{"h264.mp4", "vaapi", false, "the vaapi encoder does not work on this computer"},
		{"vp9.webm", "nvenc", false, "used for H.264 and HEVC only"},
	}
	for _, c := range cases {
		t.Run(c.clip+"/"+c.encoder, func(t *testing.T) {
			in := clip(t, c.clip)
			log := fakeNVENC(t)
			spec := testSpec()
			spec.Video.Encoder, spec.Video.Spoken = c.encoder, false
			res := label(t, testKind(), in, spec)
			calls, _ := os.ReadFile(log)
			used := nvencCall.Match(calls)
			if used != c.hw {
				t.Errorf("NVENC used: %v, want %v", used, c.hw)
			}
			if notes := strings.Join(res.Notes, "; "); !strings.Contains(notes, c.note) {
				t.Errorf("notes %q, want %q", notes, c.note)
			}
			if msg := decodeErrors(t, res.Output); msg != "" {
				t.Errorf("decoding: %s", msg)
			}
		})
	}
}

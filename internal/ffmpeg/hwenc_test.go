package ffmpeg

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// FakeHardware installs, for one test, a fake ffmpeg (a shell script)
// that lists NVENC, VAAPI and QSV encoders; only NVENC's test encodes
// succeed, as on a machine with an NVIDIA card and no Intel GPU. Every
// call is logged, one line each, to the returned file. This machine has
// no GPU: the probing and selection are tested against the fake.
func fakeHardware(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	log := filepath.Join(dir, "calls.log")
	script := `#!/bin/sh
echo "$*" >> ` + log + `
case " $* " in
*" -encoders "*) printf 'Encoders:\n ------\n V....D libx264 H.264\n V....D h264_nvenc NVENC\n V....D hevc_nvenc NVENC\n V....D h264_vaapi VAAPI\n V..... h264_qsv QSV\n'; exit 0;;
*" h264_nvenc "*|*" hevc_nvenc "*) exit 0;;
esac
echo "Device creation failed: -22." >&2
exit 1
`
	installFake(t, filepath.Join(dir, "ffmpeg"), script)
	return log
}

// installFake writes script to path and makes it the ffmpeg Belgi runs
// for the rest of the test, with nothing remembered about the real one.
func installFake(t *testing.T, path, script string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	old, had := Paths["ffmpeg"]
	Paths["ffmpeg"] = path
	ForgetProbes()
	t.Cleanup(func() {
		if had {
			Paths["ffmpeg"] = old
		} else {
			delete(Paths, "ffmpeg")
		}
		ForgetProbes()
	})
}

func TestWorkingHardware(t *testing.T) {
	if _, err := os.Stat("/bin/sh"); err != nil {
		t.Skip("no /bin/sh for the fake ffmpeg")
	}
	log := fakeHardware(t)
	ctx := context.Background()
	if got := WorkingHardware(ctx); !slices.Equal(got, []string{HWNVENC}) {
		t.Errorf("working hardware %v, want [nvenc]", got)
	}
	if !HardwareWorks(ctx, "hevc", HWNVENC) || HardwareWorks(ctx, "hevc", HWVAAPI) {
		t.Error("HEVC: NVENC should work, VAAPI (not listed) not")
	}
	calls, _ := os.ReadFile(log)
	lines := strings.Split(strings.TrimSpace(string(calls)), "\n")
	// One listing, then one test encode per listed H.264 encoder and
	// one for HEVC NVENC; VideoToolbox and HEVC VAAPI are not listed.
	if len(lines) != 5 {
		t.Errorf("%d calls, want 5:\n%s", len(lines), calls)
	}
	for _, want := range []string{"-c:v h264_nvenc -preset p5 -rc vbr -cq 23", "-vaapi_device /dev/dri/renderD128", "format=nv12,hwupload", "-c:v h264_qsv -global_quality 25"} {
		if !strings.Contains(string(calls), want) {
			t.Errorf("no test encode with %q:\n%s", want, calls)
		}
	}
	WorkingHardware(ctx)
	if again, _ := os.ReadFile(log); len(again) != len(calls) {
		t.Error("the answers were not cached")
	}
}

func TestHWQualityArgs(t *testing.T) {
	cases := map[string]string{
		HWNVENC: "-preset p5 -rc vbr -cq 18 -b:v 0", HWQSV: "-global_quality 20 -look_ahead 0",
		HWVAAPI: "-rc_mode CQP -qp 20", HWVideoToolbox: "-q:v 64", "software": "",
	}
	for fam, want := range cases {
		if got := strings.Join(HWQualityArgs(fam, 18), " "); got != want {
			t.Errorf("%s: %q, want %q", fam, got, want)
		}
	}
}

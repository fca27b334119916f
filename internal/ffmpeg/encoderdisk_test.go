package ffmpeg

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestEncodersKeptOnDisk: a second run (a fresh in-memory cache) learns
// the encoders, libx264's pixel formats and AAC's priming from the disk
// without asking ffmpeg, and a changed ffmpeg binary is asked again. The
// priming, asked first, is saved before the encoder list is known, and
// that must not read back as a list with no encoders.
func TestEncodersKeptOnDisk(t *testing.T) {
	if _, err := os.Stat("/bin/sh"); err != nil {
		t.Skip("no /bin/sh for the fake ffmpeg")
	}
	dir := t.TempDir()
	t.Setenv("BELGI_CACHE_DIR", filepath.Join(dir, "cache"))
	log := filepath.Join(dir, "calls.log")
	script := `#!/bin/sh
echo "$*" >> ` + log + `
case " $* " in
*" -encoders "*) printf 'Encoders:\n ------\n V....D libx264 H.264\n A....D aac AAC\n'; exit 0;;
*" encoder=libx264 "*) printf 'Encoder libx264:\n    Supported pixel formats: yuv420p yuv422p yuv420p10le\n'; exit 0;;
*" framecrc "*) printf '#tb 0: 1/48000\n0,  -1024,  -1024,  1024,  10, 0x1\n'; exit 0;;
esac
exit 1
`
	bin := filepath.Join(dir, "ffmpeg")
	installFake(t, bin, script)
	calls := func() int {
		b, _ := os.ReadFile(log)
		return strings.Count(string(b), "\n")
	}
	ask := func() {
		ForgetProbes() // as a new run starts
		ctx := context.Background()
		if n := Priming(ctx, []string{"-c:a", "aac"}, 48000, 2); n != 1024 {
			t.Fatalf("AAC primes %d samples, want 1024", n)
		}
		if !HasEncoder(ctx, "libx264") || HasEncoder(ctx, "libx265") {
			t.Fatal("the encoder list is wrong")
		}
		if got := EncoderPixFmts(ctx, "libx264"); !slices.Equal(got, []string{"yuv420p", "yuv422p", "yuv420p10le"}) {
			t.Fatalf("libx264 pixel formats %v", got)
		}
	}
	ask()
	if n := calls(); n != 3 {
		t.Fatalf("the first run asked ffmpeg %d times, want 3", n)
	}
	ask()
	if n := calls(); n != 3 {
		t.Errorf("the second run asked ffmpeg again (%d calls): the disk was not used", n)
	}
	if err := os.WriteFile(bin, []byte(script+"# upgraded\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	// A run that only asks for the priming saves it alone; the next run
	// must still ask for the encoder list.
	ForgetProbes()
	Priming(context.Background(), []string{"-c:a", "aac"}, 48000, 2)
	ask()
	if n := calls(); n != 6 {
		t.Errorf("a changed ffmpeg was not asked again (%d calls, want 6)", n)
	}
}

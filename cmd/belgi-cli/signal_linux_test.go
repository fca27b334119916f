package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/belgi-kz/belgi/internal/samples"
	"github.com/belgi-kz/belgi/labeler/ledger"
)

// writePhotos writes n 6-megapixel photos: each takes a moment to label.
func writePhotos(t *testing.T, dir, prefix string, n int) {
	t.Helper()
	for i := range n {
		p := filepath.Join(dir, fmt.Sprintf("%s%d.jpg", prefix, i))
		if err := os.WriteFile(p, samples.JPEG(samples.Scene(3000, 2000, uint64(i)), 88, 1), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// writeClip writes a 12-second 640×360 clip with sound, made by ffmpeg.
func writeClip(t *testing.T, path string) {
	t.Helper()
	ff, err := exec.LookPath("ffmpeg")
	if err != nil {
		t.Skip("ffmpeg not installed (sudo apt-get install ffmpeg)")
	}
	out, err := exec.Command(ff, "-v", "error", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25", "-f", "lavfi", "-i", "sine=f=440",
		"-t", "12", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", path).CombinedOutput()
	if err != nil {
		t.Fatalf("ffmpeg: %v %s", err, out)
	}
}

// recorded is how many file records the ledger holds so far.
func (d batchDirs) recorded() int {
	recs, _ := ledger.Read(d.ledger)
	return len(recs)
}

// TestStopSignalsActLikeCtrlC: SIGTERM, SIGHUP and SIGINT in the middle
// of an image batch and of a video batch: Belgi exits 128+signal, no
// ffmpeg outlives it, no temporary file stays, every output under its
// final name reads back, and the ledger verifies.
func TestStopSignalsActLikeCtrlC(t *testing.T) {
	cases := []struct {
		name  string
		video bool
		sig   syscall.Signal
		code  int
	}{
		{"images SIGTERM", false, syscall.SIGTERM, 143},
		{"images SIGHUP", false, syscall.SIGHUP, 129},
		{"images SIGINT", false, syscall.SIGINT, 130},
		{"video SIGTERM", true, syscall.SIGTERM, 143},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := newBatchDirs(t)
			if c.video {
				writeClip(t, filepath.Join(d.in, "clip1.mp4"))
				writeClip(t, filepath.Join(d.in, "clip2.mp4"))
			} else {
				writePhotos(t, d.in, "photo", 6)
			}
			cmd := d.start(t)
			if c.video {
				waitFor(t, "ffmpeg to encode", func() bool { return children(cmd, "ffmpeg") > 0 && len(d.temps()) > 0 })
			} else {
				waitFor(t, "the first photo", func() bool { return d.recorded() > 0 })
			}
			cmd.Process.Signal(c.sig)
			if code := finish(t, cmd); code != c.code {
				t.Errorf("exit %d, want %d\nstderr: %s", code, c.code, cmd.Stderr)
			}
			if !strings.Contains(fmt.Sprint(cmd.Stderr), "stopped by") {
				t.Errorf("stderr does not say the run was stopped: %s", cmd.Stderr)
			}
			d.noneLeft(t)
			if left := d.temps(); len(left) > 0 {
				t.Errorf("temporary files left: %q", left)
			}
			d.outputsReadBack(t)
			if v, err := ledger.Verify(d.ledger, ledger.Options{Outputs: true}); err != nil || !v.OK() {
				t.Errorf("ledger: %+v %v", v.Problem, err)
			}
		})
	}
}

// TestKill9ThenResume: kill -9 in the middle of a batch of photos and
// clips leaves no process running and no file under a final name that
// fails read-back; the next run sweeps what was left, labels the rest
// and leaves no temporary file.
func TestKill9ThenResume(t *testing.T) {
	d := newBatchDirs(t)
	writeClip(t, filepath.Join(d.in, "a-clip.mp4"))
	writePhotos(t, d.in, "b-photo", 4)
	writeClip(t, filepath.Join(d.in, "c-clip.mp4"))
	cmd := d.start(t)
	waitFor(t, "ffmpeg and a photo done", func() bool { return children(cmd, "ffmpeg") > 0 && d.recorded() > 0 })
	cmd.Process.Signal(syscall.SIGKILL)
	finish(t, cmd)
	d.noneLeft(t)
	before := d.outputsReadBack(t)
	t.Logf("after kill -9: %d outputs, %d temporary names left", before, len(d.temps()))

	again := d.start(t)
	if code := finish(t, again); code != exitOK {
		t.Fatalf("the next run: exit %d\n%s%s", code, again.Stdout, again.Stderr)
	}
	d.noneLeft(t)
	if left := d.temps(); len(left) > 0 {
		t.Errorf("temporary files left after the next run: %q", left)
	}
	if n := d.outputsReadBack(t); n != 6 {
		t.Errorf("%d outputs, want 6\n%s", n, again.Stdout)
	}
	if v, err := ledger.Verify(d.ledger, ledger.Options{Outputs: true}); err != nil || !v.OK() || v.Checked != 6 {
		t.Errorf("ledger: %+v %v", v, err)
	}
}

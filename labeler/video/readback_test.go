package video

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/provenance/c2pa"
)

// TestOutputProbedOnce: the video kind's read-back and the core's run
// after the C2PA manifest is written, so ffprobe is asked about the
// finished copy once, and both still read it. Each ffprobe start costs
// a short clip a tenth of its labeling time.
func TestOutputProbedOnce(t *testing.T) {
	in := clip(t, "h264.mp4")
	log := logProbes(t)
	spec := testSpec()
	spec.Out.Dir = t.TempDir()
	reg := labeler.NewRegistry(testKind()).WithFinisher(c2pa.NewFinisher())
	res := reg.Process(context.Background(), spec, labeler.Input{Path: in}, nil)
	if res.Status != labeler.StatusOK || res.C2PAManifest == "" {
		t.Fatalf("label: %s %v, manifest %q", res.Status, res.Err, res.C2PAManifest)
	}
	data, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	var outputs []string
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if !strings.Contains(line, in) {
			outputs = append(outputs, line)
		}
	}
	if len(outputs) != 1 {
		t.Errorf("ffprobe read the output %d times, want once:\n%s", len(outputs), strings.Join(outputs, "\n"))
	}
	if res.Check == nil || !res.Check.Labeled || res.Check.Width != 320 {
		t.Errorf("the read-back did not see the labeled copy: %+v", res.Check)
	}
}

// logProbes puts a logging ffprobe in front of the real one for the rest
// of the test and returns the log: one line of arguments per start.
func logProbes(t *testing.T) string {
	return wrapTool(t, "ffprobe", func(real string) string { return "exec '" + real + "' \"$@\"\n" })
}

// wrapTool puts a bash script in front of the real program name for the
// rest of the test: it logs each start's arguments, one line each, to
// the file it returns, then runs the lines body gives (real is the real
// program's path).
func wrapTool(t *testing.T, name string, body func(real string) string) string {
	t.Helper()
	real, err := ffmpeg.Find(name)
	if err != nil {
		t.Skip(name + " is not installed")
	}
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash for the wrapped " + name)
	}
	dir := t.TempDir()
	log := filepath.Join(dir, "calls.log")
	script := "#!" + bash + "\necho \"$*\" >> '" + log + "'\n" + body(real)
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	useTool(t, name, path)
	return log
}

// useTool makes path the program Belgi runs as name for the rest of the
// test, with no probe answer remembered from before or kept after.
func useTool(t *testing.T, name, path string) {
	old, had := ffmpeg.Paths[name]
	ffmpeg.Paths[name] = path
	ffmpeg.ForgetProbes()
	t.Cleanup(func() {
		if had {
			ffmpeg.Paths[name] = old
		} else {
			delete(ffmpeg.Paths, name)
		}
		ffmpeg.ForgetProbes()
	})
}

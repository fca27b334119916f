package video

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/labeler"
)

// Smart-render fixtures last 8 s with a key frame every second, so that
// there is something after the label to copy. At 7 s a white frame
// flashes and a 3 kHz beep starts: the A/V sync check times both.
var smartClips = struct {
	mu   sync.Mutex
	made map[string]error
}{made: map[string]error{}}

const (
	flashAt   = 7.0
	smartRate = 25.0
)

var smartArgs = map[string][]string{
	"h264.mp4": {"-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-c:a", "aac", "-b:a", "96k"},
	"h264-bframes.mov": {"-c:v", "libx264", "-preset", "fast", "-bf", "3", "-g", "25",
		"-c:a", "aac", "-b:a", "128k"},
	"hevc.mov": {"-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error:keyint=25:min-keyint=25",
		"-tag:v", "hvc1", "-c:a", "aac"},
	"vp9.webm": {"-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-g", "25", "-b:v", "400k", "-c:a", "libopus"},
	"subs.mkv": {"-map", "2:s", "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-c:a", "aac", "-c:s", "srt"},
}

// smartClip makes (once per test binary) an 8-second fixture.
func smartClip(t *testing.T, name string) string {
	t.Helper()
	dir := filepath.Dir(clip(t, "h264.mp4"))
	smartClips.mu.Lock()
	defer smartClips.mu.Unlock()
	path := filepath.Join(dir, "smart-"+name)
	err, done := smartClips.made[name]
	if !done {
		err = makeSmartClip(dir, name, path)
		smartClips.made[name] = err
	}
	if err != nil {
		t.Fatalf("making %s: %v", name, err)
	}
	return path
}

func makeSmartClip(dir, name, path string) error {
	args := []string{"-hide_banner", "-v", "error",
		"-f", "lavfi", "-i", fmt.Sprintf("testsrc2=size=320x240:rate=%g,drawbox=c=white:t=fill:enable='between(t,%g,%g)'", smartRate, flashAt, flashAt+0.5/smartRate),
		"-f", "lavfi", "-i", fmt.Sprintf("aevalsrc=0.2*sin(2*PI*440*t)+if(between(t\\,%g\\,%g)\\,0.6*sin(2*PI*3000*t)\\,0):s=48000", flashAt, flashAt+0.2)}
	if name == "subs.mkv" {
		srt := filepath.Join(dir, "smart.srt")
		cues := "1\n00:00:01,000 --> 00:00:02,500\nСәлем\n\n2\n00:00:06,000 --> 00:00:07,000\nҚош\n"
		if err := os.WriteFile(srt, []byte(cues), 0o644); err != nil {
			return err
		}
		args = append(args, "-i", srt)
	}
	args = append(args, "-map", "0:v", "-map", "1:a", "-pix_fmt", "yuv420p")
	args = append(append(args, smartArgs[name]...), "-t", "8", "-y", path)
	_, err := ffmpeg.Run(context.Background(), "ffmpeg", args...)
	return err
}

func smartSpec() labeler.Spec {
	s := testSpec()
	s.Video.BadgeMode, s.Video.BadgeSeconds = labeler.BadgeStart, 2
	return s
}

// TestSmartRender labels each container with the badge for the first 2 s
// and holds the output to readers nobody here wrote: ffmpeg decodes it
// without a word, ffprobe counts the source's frames (plus the slate's),
// every frame after the cut is bit-identical to the source's, and the
// picture and the sound stay in step to the millisecond.
func TestSmartRender(t *testing.T) {
	cases := []struct {
		clip  string
		mode  string // badge mode
		slate bool
		sound bool // the sound after the notice is copied, not re-encoded
	}{
		{"h264.mp4", labeler.BadgeStart, false, true},
		{"h264-bframes.mov", labeler.BadgeStart, true, true},
		{"hevc.mov", labeler.BadgeStart, false, true},
		{"vp9.webm", labeler.BadgeStart, false, true},
		{"subs.mkv", labeler.BadgeStart, true, true},
		{"h264.mp4", labeler.BadgeSlate, true, true},
	}
	for _, c := range cases {
		t.Run(c.clip+"/"+c.mode, func(t *testing.T) {
			in := smartClip(t, c.clip)
			spec := smartSpec()
			spec.Video.Slate, spec.Video.BadgeMode = c.slate, c.mode
			res := label(t, testKind(), in, spec)
			notes := strings.Join(res.Notes, "; ")
			if !strings.Contains(notes, "smart render: ") || strings.Contains(notes, "not used") {
				t.Fatalf("not rendered smartly: %s", notes)
			}
			if c.sound != strings.Contains(notes, "sound re-encoded for the first") {
				t.Errorf("sound copied after the notice: want %v; notes %s", c.sound, notes)
			}
			slate := 0
			if c.slate {
				slate = int(math.Ceil(spec.Video.SlateSeconds * smartRate))
			}
			checkSmart(t, in, res.Output, slate)
			lead := 0.0
			if c.slate {
				lead = spec.Video.SlateSeconds
			}
			// After the cut the frames are the source's own (checked
			// above): the badge is gone by then.
			drawn := spec // where Auto put it: top-right over subtitles
			drawn.Position = spec.Position.Resolve(strings.HasPrefix(c.clip, "subs"))
			assertBadge(t, in, res.Output, drawn, 1, 1+lead, c.mode == labeler.BadgeStart)
			checkSubtitles(t, in, res.Output, lead)
		})
	}
}

// checkSmart runs the readers' checks on a smartly rendered output.
func checkSmart(t *testing.T, in, out string, slateFrames int) {
	t.Helper()
	if msg := decodeErrors(t, out); msg != "" {
		t.Errorf("ffmpeg decoding the output: %s", msg)
	}
	src, got := frameHashes(t, in), frameHashes(t, out)
	if len(got) != len(src)+slateFrames {
		t.Fatalf("%d frames, want %d (source) + %d (slate)", len(got), len(src), slateFrames)
	}
	if n := packetCount(t, out); n != len(got) {
		t.Errorf("%d video packets for %d frames", n, len(got))
	}
	same := 0
	for i := len(src) - 1; i >= 0 && src[i] == got[i+slateFrames]; i-- {
		same++
	}
	// The label lasts 2 s; with a key frame every second the cut is at
	// 2 s (or 3 s when rounding lands past it): at least 5 s are copied.
	if minSame := int(5 * smartRate); same < minSame {
		t.Errorf("only the last %d frames are identical to the source, want ≥ %d", same, minSame)
	}
	checkCopiedInStep(t, in, out, true)
	d := avOffset(t, out) - avOffset(t, in)
	t.Logf("A/V drift at %gs: %.2f ms", flashAt, d*1000)
	if math.Abs(d) > 0.005 {
		t.Errorf("picture and sound drifted %.1f ms apart by the end", d*1000)
	}
}

// checkSubtitles: every subtitle cue is kept, moved by the slate and, in
// Matroska, which cannot start before 0, by the new sound's priming and
// padding (less than two AAC frames), as the whole file is.
func checkSubtitles(t *testing.T, in, out string, lead float64) {
	t.Helper()
	src, got := packetTimes(t, in, "s"), packetTimes(t, out, "s")
	if len(got) != len(src) {
		t.Fatalf("%d subtitle cues, the source has %d", len(got), len(src))
	}
	for i := range src {
		d := got[i] - src[i] - lead
		if d < -0.001 || d > 0.045 || math.Abs(d-(got[0]-src[0]-lead)) > 0.001 {
			t.Errorf("cue %d at %.3fs, source %.3fs + %.3fs", i, got[i], src[i], lead)
		}
	}
}

// packetTimes lists the times of the packets of the first stream of a
// type ("s", "a").
func packetTimes(t *testing.T, path, typ string) []float64 {
	t.Helper()
	out, err := ffmpeg.Run(context.Background(), "ffprobe", "-v", "error", "-select_streams", typ+":0",
		"-show_entries", "packet=pts_time", "-of", "csv=p=0", path)
	if err != nil {
		t.Fatal(err)
	}
	var times []float64
	for _, l := range strings.Fields(string(out)) {
		if v, err := strconv.ParseFloat(strings.Trim(l, ","), 64); err == nil {
			times = append(times, v)
		}
	}
	return times
}

// checkCopiedInStep finds the source's packets in the output by their
// MD5 sums (ffmpeg's framemd5 with -c copy) and checks that the copied
// picture and sound packets moved by the same time: whatever the new
// segments did, the copied parts play in step as they did.
func checkCopiedInStep(t *testing.T, in, out string, sound bool) {
	t.Helper()
	v, nv := copiedShift(t, in, out, "v")
	if nv < 10 {
		t.Fatalf("only %d video packets of the source found in the output", nv)
	}
	if !sound {
		return
	}
	a, na := copiedShift(t, in, out, "a")
	if na < 10 {
		t.Fatalf("only %d sound packets of the source found in the output", na)
	}
	t.Logf("copied packets: %d video moved %.4fs, %d sound moved %.4fs", nv, v, na, a)
	if math.Abs(a-v) > 0.001 {
		t.Errorf("copied sound moved %.4fs, copied video %.4fs: out of step by %.1f ms", a, v, (a-v)*1000)
	}
}

// copiedShift is how far the source's packets of the first stream of a
// type moved in the output, and how many were found.
func copiedShift(t *testing.T, in, out, typ string) (float64, int) {
	t.Helper()
	src, got := packetsByHash(t, in, typ), packetsByHash(t, out, typ)
	var shifts []float64
	for h, at := range got {
		if was, ok := src[h]; ok {
			shifts = append(shifts, at-was)
		}
	}
	if len(shifts) == 0 {
		return 0, 0
	}
	slices.Sort(shifts)
	return shifts[len(shifts)/2], len(shifts)
}

// packetsByHash maps each packet's MD5 to its time, for packets whose
// data occurs once.
func packetsByHash(t *testing.T, path, typ string) map[string]float64 {
	t.Helper()
	out, err := ffmpeg.Run(context.Background(), "ffmpeg", "-v", "error", "-i", path, "-map", "0:"+typ+":0",
		"-c", "copy", "-f", "framemd5", "-")
	if err != nil {
		t.Fatal(err)
	}
	tb := 0.0
	seen := map[string]float64{}
	dup := map[string]bool{}
	for _, l := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(l, "#tb 0: "); ok {
			tb = parseRatio(strings.TrimSpace(v), 1)
			continue
		}
		f := strings.Split(l, ",")
		if len(f) != 6 || strings.HasPrefix(l, "#") {
			continue
		}
		pts, _ := strconv.ParseFloat(strings.TrimSpace(f[2]), 64)
		h := strings.TrimSpace(f[5])
		if _, ok := seen[h]; ok {
			dup[h] = true
		}
		seen[h] = pts * tb
	}
	for h := range dup {
		delete(seen, h)
	}
	return seen
}

// decodeErrors is what ffmpeg says when decoding every stream of path.
func decodeErrors(t *testing.T, path string, opts ...string) string {
	t.Helper()
	var stderr bytes.Buffer
	args := append([]string{"-v", "error", "-i", path, "-map", "0:v?", "-map", "0:a?"}, opts...)
	cmd := exec.Command("ffmpeg", append(args, "-f", "null", "-")...)
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return err.Error() + ": " + stderr.String()
	}
	return stderr.String()
}

// frameHashes are the MD5 sums of the decoded frames (ffmpeg's
// framemd5), in order.
func frameHashes(t *testing.T, path string) []string {
	t.Helper()
	out, err := ffmpeg.Run(context.Background(), "ffmpeg", "-v", "error", "-i", path, "-map", "0:v:0", "-fps_mode", "passthrough", "-f", "framemd5", "-")
	if err != nil {
		t.Fatal(err)
	}
	var hashes []string
	for _, l := range strings.Split(string(out), "\n") {
		if f := strings.Split(l, ","); len(f) == 6 && !strings.HasPrefix(l, "#") {
			hashes = append(hashes, strings.TrimSpace(f[5]))
		}
	}
	return hashes
}

// packetCount is ffprobe's count of the first video stream's packets.
func packetCount(t *testing.T, path string) int {
	t.Helper()
	out, err := ffmpeg.Run(context.Background(), "ffprobe", "-v", "error", "-select_streams", "v:0", "-count_packets",
		"-show_entries", "stream=nb_read_packets", "-of", "csv=p=0", path)
	if err != nil {
		t.Fatal(err)
	}
	n, _ := strconv.Atoi(strings.TrimSpace(string(out)))
	return n
}

// avOffset is how much later the beep starts than the flash shows, in
// seconds, as ffmpeg's own filters time them (signalstats on the
// picture, astats over 1 ms blocks of high-passed sound).
func avOffset(t *testing.T, path string) float64 {
	t.Helper()
	flash := firstAbove(t, path, "0:v:0", "signalstats,metadata=print:key=lavfi.signalstats.YAVG:file=-", 200)
	beep := firstAbove(t, path, "0:a:0", "highpass=f=2000,highpass=f=2000,asetnsamples=n=48,astats=metadata=1:reset=1,"+
		"ametadata=print:key=lavfi.astats.Overall.Peak_level:file=-", -20)
	return beep - flash
}

// firstAbove runs a filter that prints "pts_time:T" then "key=V" lines
// and returns the first T past 5 s whose V exceeds limit.
func firstAbove(t *testing.T, path, stream, filter string, limit float64) float64 {
	t.Helper()
	flag := "-vf"
	if strings.Contains(stream, ":a:") {
		flag = "-af"
	}
	out, err := ffmpeg.Run(context.Background(), "ffmpeg", "-v", "error", "-i", path, "-map", stream, flag, filter, "-f", "null", "-")
	if err != nil {
		t.Fatal(err)
	}
	at := math.NaN()
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		l := sc.Text()
		if _, v, ok := strings.Cut(l, "pts_time:"); ok {
			at, _ = strconv.ParseFloat(strings.Fields(v)[0], 64)
			continue
		}
		if _, v, ok := strings.Cut(l, "="); ok && at > 5 {
			if x, err := strconv.ParseFloat(v, 64); err == nil && x > limit {
				return at
			}
		}
	}
	t.Fatalf("%s: nothing above %g after 5 s", stream, limit)
	return 0
}

// realClips are the corpus's videos long enough for a start:2 label to
// leave something to copy: a thermal camera's VFR H.264 whose sound
// (44.1 kHz AAC) starts 0.19 s after the picture, and a phone MOV whose
// picture is its second stream, with rotation and metadata tracks.
var realClips = []struct {
	name  string
	sound bool // the sound is joined (the other's ends before the notice)
}{
	{"md-extractor-images_FLIR_Thermal.mp4", true},
	{"md-extractor-images_with-gps.mov", false},
}

// TestSmartRenderRealWorld holds real files from ../shared/realworld to
// the same readers as the fixtures.
func TestSmartRenderRealWorld(t *testing.T) {
	for _, c := range realClips {
		t.Run(c.name, func(t *testing.T) {
			in := filepath.Join("..", "..", "..", "shared", "realworld", "video", c.name)
			if _, err := os.Stat(in); err != nil {
				t.Skip("the real-world corpus is not here: ", err)
			}
			res := label(t, testKind(), in, smartSpec())
			notes := strings.Join(res.Notes, "; ")
			if !strings.Contains(notes, "smart render: re-encoded") {
				t.Fatalf("not rendered smartly: %s", notes)
			}
			// This camera's variable frame rate makes ffmpeg's null muxer
			// complain about the source too; frames pass through as they are.
			if msg := decodeErrors(t, res.Output, "-fps_mode", "passthrough", "-enc_time_base", "-1"); msg != "" {
				t.Errorf("ffmpeg decoding the output: %s", msg)
			}
			src, got := frameHashes(t, in), frameHashes(t, res.Output)
			if len(got) != len(src) || src[len(src)-1] != got[len(got)-1] {
				t.Errorf("%d frames, the source %d; last identical: %v", len(got), len(src), src[len(src)-1] == got[len(got)-1])
			}
			checkCopiedInStep(t, in, res.Output, c.sound)
			rot := mustProbe(t, in).rotation
			if got := mustProbe(t, res.Output).rotation; got != rot {
				t.Errorf("rotation %d, the source's %d", got, rot)
			}
		})
	}
}

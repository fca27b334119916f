package video

import (
	"bufio"
	"bytes"
	"context"
	"math"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
)

// The readers' checks of a smart render: ffmpeg decoding, framemd5,
// ffprobe's packet lists and counts, ffmpeg's signalstats and astats.

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

// checkChaptersAndTags: the chapters are kept, moved like the cues; the
// file's title and the sound's language come through.
func checkChaptersAndTags(t *testing.T, in, out string, lead float64) {
	t.Helper()
	srcCh, gotCh := chapterStarts(t, in), chapterStarts(t, out)
	if len(gotCh) != len(srcCh) {
		t.Fatalf("%d chapters, the source has %d", len(gotCh), len(srcCh))
	}
	for i, a := range srcCh {
		if d := gotCh[i] - a - lead; d < -0.001 || d > 0.045 {
			t.Errorf("chapter %d starts at %.3fs, the source's at %.3fs + %.3fs", i, gotCh[i], a, lead)
		}
	}
	src, got := mustProbe(t, in), mustProbe(t, out)
	if want := lookup(src.info.Format.Tags, "title"); want != "" && lookup(got.info.Format.Tags, "title") != want {
		t.Errorf("title %q, want %q", lookup(got.info.Format.Tags, "title"), want)
	}
	if src.audio != nil && got.audio != nil && src.audio.Tags["language"] != got.audio.Tags["language"] {
		t.Errorf("sound's language %q, want %q", got.audio.Tags["language"], src.audio.Tags["language"])
	}
}

// chapterStarts lists the chapters' start times, as ffprobe reads them.
func chapterStarts(t *testing.T, path string) []float64 {
	t.Helper()
	out, err := ffmpeg.Run(context.Background(), "ffprobe", "-v", "error", "-show_entries", "chapter=start_time", "-of", "csv=p=0", path)
	if err != nil {
		t.Fatal(err)
	}
	var starts []float64
	for _, l := range strings.Fields(string(out)) {
		if v, err := strconv.ParseFloat(strings.Trim(l, ","), 64); err == nil {
			starts = append(starts, v)
		}
	}
	return starts
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

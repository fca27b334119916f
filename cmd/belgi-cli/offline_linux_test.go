package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/internal/samples"
)

// unshareNoNet returns the unshare(1) command that runs a program in a
// new network namespace (nothing but a down loopback), or skips the test
// when this system cannot make one: unshare missing, or no privilege
// (CI runs as root, so there it always runs).
func unshareNoNet(t *testing.T) string {
	t.Helper()
	u, err := exec.LookPath("unshare")
	if err != nil {
		t.Skip("unshare(1) not installed (util-linux)")
	}
	out, err := exec.Command(u, "-n", "cat", "/proc/net/dev").CombinedOutput()
	if err != nil {
		t.Skipf("cannot create a network namespace here (needs root): %v %s", err, out)
	}
	for _, l := range strings.Split(string(out), "\n")[2:] {
		if name, _, ok := strings.Cut(strings.TrimSpace(l), ":"); ok && name != "lo" {
			t.Fatalf("the namespace has a network interface %q", name)
		}
	}
	return u
}

// everyKind writes one or more files of each kind Belgi labels.
func everyKind(t *testing.T, dir string) {
	t.Helper()
	write := func(name string, b []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("photo.jpg", samples.JPEG(samples.Scene(800, 600, 1), 88, 1))
	write("poster.png", samples.PNG(samples.WithAlpha(samples.Scene(400, 300, 2))))
	write("loop.gif", samples.AnimatedGIF(120, 80, 3, 10))
	write("note.txt", []byte("Бұл мәтінді жасанды интеллект жазды.\n"))
	write("brief.md", []byte("# Brief\n\nWritten with AI.\n"))
	write("subs.srt", []byte("1\n00:00:01,000 --> 00:00:03,000\nHello\n"))
	write("page.html", []byte("<!DOCTYPE html><html><head><title>x</title></head><body><p>AI text</p></body></html>"))
	write("report.pdf", samples.PDF([]string{"Quarterly report"}, ""))
	docx, err := samples.DOCX([]string{"Редакцияға хат"})
	if err != nil {
		t.Fatal(err)
	}
	write("memo.docx", docx)
	ff, err := exec.LookPath("ffmpeg")
	if err != nil {
		t.Skip("ffmpeg not installed (sudo apt-get install ffmpeg)")
	}
	for name, args := range map[string][]string{
		"tone.wav":  {"-f", "lavfi", "-i", "sine=f=330:d=4"},
		"song.mp3":  {"-f", "lavfi", "-i", "sine=f=440:d=4", "-c:a", "libmp3lame"},
		"clip.mp4":  {"-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:d=3", "-f", "lavfi", "-i", "sine=d=3", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest"},
		"clip.webm": {"-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:d=2", "-c:v", "libvpx-vp9", "-deadline", "realtime"},
	} {
		args = append(append([]string{"-v", "error"}, args...), filepath.Join(dir, name))
		if out, err := exec.Command(ff, args...).CombinedOutput(); err != nil {
			t.Fatalf("ffmpeg %s: %v %s", name, err, out)
		}
	}
}

// TestOfflineBatchOfEveryKind labels a batch of every kind inside a
// network namespace with no network at all: Belgi needs none.
func TestOfflineBatchOfEveryKind(t *testing.T) {
	unshare := unshareNoNet(t)
	bin, err := cliBinary()
	if err != nil {
		t.Fatal(err)
	}
	d := newBatchDirs(t)
	everyKind(t, d.in)
	cmd := exec.Command(unshare, "-n", "--", bin, "label", "-json", "-audit", d.ledger, "-out", d.out, d.in)
	cmd.Env = append(os.Environ(), "TMPDIR="+d.tmp, "XDG_CONFIG_HOME="+filepath.Join(d.root, "config"))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("offline batch: %v\n%s", err, out)
	}
	kinds := map[string]int{}
	for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		var ll labelLine
		if err := json.Unmarshal([]byte(l), &ll); err != nil || ll.Status != "ok" {
			t.Errorf("%s: %+v %v", l, ll, err)
		}
		kinds[ll.Kind]++
	}
	var got []string
	for k := range kinds {
		got = append(got, k)
	}
	sort.Strings(got)
	if strings.Join(got, ",") != "audio,document,image,text,video" || kinds["text"]+kinds["document"] != 6 {
		t.Errorf("kinds labeled offline: %v", kinds)
	}
	if code, stdout, _ := cli(t, "audit", "verify", d.ledger); code != exitOK {
		t.Errorf("ledger: %s", stdout)
	}
}

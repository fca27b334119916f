package text

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/labeler"
)

// TestASSNoticeIsFirstEvent: the notice is the first event, from 0, in
// the script's first style and in the Format line's field order (Layer
// for ASS, Marked for SSA), Belgi's record is in [Script Info], and every
// original line is still there in order.
func TestASSNoticeIsFirstEvent(t *testing.T) {
	for _, c := range []struct {
		name, script, want string
	}{
		{"ass", assScriptText, `Dialogue: 0,0:00:00.00,0:00:03.00,Main,,0,0,0,,{\an8}`},
		{"ssa", ssaScriptText, `Dialogue: Marked=0,0:00:00.00,0:00:03.00,Default,,0,0,0,,{\an8}`},
	} {
		out, err := labelASS(c.script, labeler.DefaultSpec(), "\n")
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		lines := strings.Split(out, "\n")
		if !strings.HasPrefix(lines[1], assRecordKey+"Belgi ") {
			t.Errorf("%s: record not under [Script Info]: %q", c.name, lines[1])
		}
		var notice string
		for i, l := range lines {
			if strings.HasPrefix(l, "Format: Layer") || strings.HasPrefix(l, "Format: Marked") {
				notice = lines[i+1]
			}
		}
		if !strings.HasPrefix(notice, c.want) || !strings.Contains(notice, labeler.DefaultSpec().Lines()[0]) {
			t.Errorf("%s: notice event %q, want it to start %q", c.name, notice, c.want)
		}
		if kept := strings.Replace(strings.Replace(out, lines[1]+"\n", "", 1), notice+"\n", "", 1); kept != c.script {
			t.Errorf("%s: the script's own lines changed:\n%s", c.name, kept)
		}
		if m, found, shown := inspectASS(out); !found || !shown || m.DigitalSourceType != labeler.DSTTrained {
			t.Errorf("%s: read back %+v found=%v notice=%v", c.name, m, found, shown)
		}
	}
}

// TestASSRefusedWithoutEvents: a script with nowhere to put an event, or
// a file that is no script, is refused by saying so.
func TestASSRefusedWithoutEvents(t *testing.T) {
	for _, s := range []string{
		"[Script Info]\nTitle: x\n\n[V4+ Styles]\n",
		"[Script Info]\n[Events]\nFormat: Layer, Start, End, Style, Text, Name\n",
		"Dialogue: 0,0:00:00.00,0:00:01.00,Default,,0,0,0,,hi\n",
	} {
		if _, err := labelASS(s, labeler.DefaultSpec(), "\n"); err == nil {
			t.Errorf("labeled %q", s)
		}
	}
}

// TestASSReadByFFmpeg: ffmpeg's own ASS reader sees the notice as the
// first subtitle, from 0 to the cue's length.
func TestASSReadByFFmpeg(t *testing.T) {
	if _, err := exec.LookPath("ffmpeg"); err != nil {
		t.Skip(err)
	}
	res := process(t, writeInput(t, "news.ass", []byte(assScriptText)), labeler.DefaultSpec())
	if res.Status != labeler.StatusOK {
		t.Fatalf("%s: %v", res.Status, res.Err)
	}
	srt, err := exec.Command("ffmpeg", "-v", "error", "-i", res.Output, "-f", "srt", "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	first, _, _ := strings.Cut(string(srt), "\n\n")
	for _, want := range append(labeler.DefaultSpec().Lines(), "00:00:00,000 --> 00:00:03,000") {
		if !strings.Contains(first, want) {
			t.Errorf("ffmpeg's first subtitle lacks %q:\n%s", want, first)
		}
	}
	if data, _ := os.ReadFile(res.Output); !strings.Contains(string(data), "АЛМАТЫ") {
		t.Error("the script's own events are gone")
	}
}

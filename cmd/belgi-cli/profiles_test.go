package main

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/internal/samples"
	"github.com/belgi-kz/belgi/labeler"
)

// `profiles` lists every profile with its source; -json gives the data
// with what each enforces and sets.
func TestProfilesCommand(t *testing.T) {
	code, out, _ := cli(t, "profiles")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	for _, p := range labeler.Profiles() {
		if !strings.Contains(out, p.Name+"  "+p.Title.En) || !strings.Contains(out, p.Source.Citation+", "+p.Source.Date) {
			t.Errorf("profiles lacks %s or its source:\n%s", p.Name, out)
		}
	}
	if !strings.Contains(out, "(also: in-strict)") || !strings.Contains(out, "[default]") {
		t.Errorf("profiles does not show the alias or the default:\n%s", out)
	}
	code, out, _ = cli(t, "profiles", "-json")
	var got []profileLine
	if err := json.Unmarshal([]byte(out), &got); code != exitOK || err != nil {
		t.Fatalf("exit %d, %v", code, err)
	}
	if len(got) != len(labeler.Profiles()) || got[1].Name != "eu" || got[1].Source.URL == "" ||
		!strings.Contains(strings.Join(got[1].Enforces, ";"), "AI GENERATED") || got[1].About.Kk == "" {
		t.Errorf("profiles -json: %+v", got[1])
	}
}

// -profile sets the profile's defaults; flags given explicitly win,
// wherever they stand on the command line.
func TestProfileFlagSetsDefaults(t *testing.T) {
	cases := []struct {
		args     []string
		langs    string
		position labeler.Position
	}{
		{nil, "kk,ru", labeler.Auto},
		{[]string{"-profile", "eu"}, "en", labeler.TopRight},
		{[]string{"-lang", "en,kk", "-profile", "eu"}, "en,kk", labeler.TopRight},
		{[]string{"-profile", "eu", "-position", "bottom-left"}, "en", labeler.BottomLeft},
		{[]string{"-profile", "in-strict"}, "kk,ru", labeler.TopCenter},
	}
	for _, c := range cases {
		fs := flag.NewFlagSet("label", flag.ContinueOnError)
		sf := newSpecFlags(fs)
		if err := fs.Parse(c.args); err != nil {
			t.Fatal(err)
		}
		s, err := sf.resolve()
		if err != nil || labeler.JoinLangs(s.Langs) != c.langs || s.Position != c.position {
			t.Errorf("%v: langs %s position %s (%v), want %s %s", c.args, labeler.JoinLangs(s.Langs), s.Position, err, c.langs, c.position)
		}
	}
}

// A profile's rule refuses a flag that breaks it, naming the flag.
func TestProfileRuleRefusesFlag(t *testing.T) {
	code, _, errOut := cli(t, "label", "-profile", "us-ca", "-ai-system", "Midjourney", "x.jpg")
	if code != exitUsage || !strings.Contains(errOut, "-ai-version") || !strings.Contains(errOut, "profile us-ca needs this filled in") {
		t.Errorf("exit %d: %s", code, errOut)
	}
}

// label -json reports the share of the picture the label covers.
func TestLabelAreaInJSON(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.jpg"), samples.JPEG(samples.Scene(600, 400, 1), 90, 1), 0o644)
	code, stdout, stderr := cli(t, "label", "-json", "-no-c2pa", "-out", filepath.Join(dir, "out"), filepath.Join(dir, "a.jpg"))
	var ll labelLine
	if err := json.Unmarshal([]byte(stdout), &ll); code != exitOK || err != nil {
		t.Fatalf("exit %d, %v: %s %s", code, err, stdout, stderr)
	}
	if ll.LabelArea <= 0 || ll.LabelArea > 7 {
		t.Errorf("label_area %v, want (0, 7] for the default label on a 3:2 picture", ll.LabelArea)
	}
}

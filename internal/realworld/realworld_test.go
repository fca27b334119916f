//go:build realworld

package realworld

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/realworld.tsv from this run's outcomes")

// folders of the corpus that hold media; its root holds only its notes.
var folders = []string{"images", "audio", "video", "documents", "c2pa", "broken"}

const tablePath = "../../testdata/realworld.tsv"

// result is one line of `belgi-cli label -json`.
type result struct {
	Input  string   `json:"input"`
	Output string   `json:"output"`
	Kind   string   `json:"kind"`
	Status string   `json:"status"`
	Error  string   `json:"error"`
	Reason string   `json:"reason"`
	Layers []string `json:"layers"`
	Notes  []string `json:"notes"`
}

// corpusRoot is ../shared/realworld beside the repository, or
// $BELGI_REALWORLD.
func corpusRoot(t *testing.T) string {
	root := os.Getenv("BELGI_REALWORLD")
	if root == "" {
		root = "../../../shared/realworld"
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(abs, "manifest.tsv")); err != nil {
		t.Fatalf("the real-world corpus is not at %s (set BELGI_REALWORLD): %v", abs, err)
	}
	return abs
}

// TestCorpus labels the whole corpus with the CLI, as a user would, and
// holds every outcome to the table and every output to foreign readers.
func TestCorpus(t *testing.T) {
	root := corpusRoot(t)
	cli := buildCLI(t)
	out := t.TempDir()
	results := label(t, cli, root, out)
	manifest, err := readManifest(filepath.Join(root, "manifest.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	got := outcomes(results, root, manifest)
	for p, msg := range verifyOutputs(t, cli, results, root) {
		r := got[p]
		r.Foreign = msg
		got[p] = r
	}
	if *update {
		if err := writeTable(tablePath, got); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s (%d files)", tablePath, len(got))
	} else {
		want, err := readTable(tablePath)
		if err != nil {
			t.Fatal(err)
		}
		compare(t, manifest, want, got)
	}
	summarize(t, got)
}

// buildCLI builds belgi-cli as CI would ship it: no cgo.
func buildCLI(t *testing.T) string {
	bin := filepath.Join(t.TempDir(), "belgi-cli")
	cmd := exec.Command("go", "build", "-o", bin, "github.com/belgi-kz/belgi/cmd/belgi-cli")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build belgi-cli: %v\n%s", err, b)
	}
	return bin
}

// label runs one batch over every corpus folder. The development C2PA
// identity and the encoder cache go to a temporary home, and videos use x264's fastest
// preset so that the whole corpus fits CI's budget.
func label(t *testing.T, cli, root, out string) []result {
	args := []string{"label", "-json", "-jobs", "2", "-video-preset", "ultrafast", "-out", out}
	for _, f := range folders {
		args = append(args, filepath.Join(root, f))
	}
	cmd := exec.Command(cli, args...)
	home := t.TempDir()
	cmd.Env = append(os.Environ(), "HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, ".config"), "XDG_CACHE_HOME="+filepath.Join(home, ".cache"))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.Output()
	if _, isExit := err.(*exec.ExitError); err != nil && !isExit {
		t.Fatalf("belgi-cli: %v", err)
	}
	var rs []result
	sc := bufio.NewScanner(bytes.NewReader(stdout))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var r result
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("belgi-cli printed a line that is not JSON: %q", sc.Text())
		}
		rs = append(rs, r)
	}
	if len(rs) == 0 {
		t.Fatalf("belgi-cli printed no results; stderr:\n%s", stderr.String())
	}
	return rs
}

// outcomes turns results into table rows keyed by corpus path.
func outcomes(rs []result, root string, manifest map[string]string) map[string]row {
	rows := map[string]row{}
	for _, r := range rs {
		rel, err := filepath.Rel(root, r.Input)
		if err != nil || strings.HasPrefix(rel, "..") {
			rel = r.Input // a walk error without a corpus path
		}
		w := row{Path: rel, Corpus: manifest[rel], Status: r.Status, Kind: r.Kind}
		switch r.Status {
		case "ok":
			w.Output = strings.ToLower(filepath.Ext(r.Output))
			w.Layers = strings.Join(r.Layers, ",")
			w.Message = strings.Join(r.Notes, " | ")
		case "skipped":
			w.Message = firstPart(normalize(r.Reason, r.Input))
		default:
			w.Message = firstPart(normalize(r.Error, r.Input))
		}
		w.Message = clean(w.Message)
		rows[rel] = w
	}
	return rows
}

// compare holds this run to the table: the same files, and for each the
// same status, kind, output format and layers, and a refusal that still
// says what the table says.
func compare(t *testing.T, manifest map[string]string, want, got map[string]row) {
	for p := range manifest {
		if _, ok := got[p]; !ok {
			t.Errorf("%s: in the corpus but belgi-cli reported nothing for it", p)
		}
	}
	for p, g := range got {
		w, ok := want[p]
		switch {
		case !ok:
			t.Errorf("%s: not in %s (run with -update and review): %s %s", p, tablePath, g.Status, g.Message)
		case g.Status != w.Status || g.Kind != w.Kind || g.Output != w.Output || g.Layers != w.Layers:
			t.Errorf("%s: now %s %s %s [%s] %s; the table promises %s %s %s [%s] %s",
				p, g.Status, g.Kind, g.Output, g.Layers, g.Message, w.Status, w.Kind, w.Output, w.Layers, w.Message)
		case g.Status != "ok" && !strings.Contains(g.Message, w.Message):
			t.Errorf("%s: the reason now reads %q; the table expects it to contain %q", p, g.Message, w.Message)
		case g.Foreign != "" && (w.Foreign == "" || !strings.Contains(g.Foreign, w.Foreign)):
			t.Errorf("%s: readers nobody here wrote now find: %s", p, g.Foreign)
		case g.Foreign == "" && w.Foreign != "":
			t.Errorf("%s: fixed (the table still lists %q): run with -update", p, w.Foreign)
		}
	}
	for p := range want {
		if _, ok := got[p]; !ok {
			t.Errorf("%s: in the table but not in this run", p)
		}
	}
}

// summarize logs how the corpus fares, folder by folder, and which files
// the corpus expects labeled but Belgi refuses: each must be a refusal
// the table's message justifies.
func summarize(t *testing.T, got map[string]row) {
	count := map[string]map[string]int{}
	var refusedLabel, defects []string
	for p, r := range got {
		folder, _, _ := strings.Cut(p, "/")
		if count[folder] == nil {
			count[folder] = map[string]int{}
		}
		count[folder][r.Status]++
		if r.Corpus == "label" && r.Status != "ok" {
			refusedLabel = append(refusedLabel, fmt.Sprintf("%s: %s", p, r.Message))
		}
		if r.Foreign != "" {
			defects = append(defects, fmt.Sprintf("%s: %s", p, r.Foreign))
		}
	}
	for _, f := range folders {
		c := count[f]
		t.Logf("%-10s ok %3d  skipped %3d  error %3d", f, c["ok"], c["skipped"], c["error"])
	}
	slices.Sort(refusedLabel)
	t.Logf("%d files the corpus marks 'label' are refused:\n  %s", len(refusedLabel), strings.Join(refusedLabel, "\n  "))
	slices.Sort(defects)
	t.Logf("%d labeled copies with known defects:\n  %s", len(defects), strings.Join(defects, "\n  "))
}

// firstPart keeps the part of a reason Belgi wrote. What an external
// program printed varies from run to run and machine to machine: ffmpeg's
// stderr tail after " | " ("Last message repeated 1 times"), and which of
// its decoder threads reports a damaged frame first, after "exit status N:".
func firstPart(msg string) string {
	msg, _, _ = strings.Cut(msg, " | ")
	if loc := exitStatus.FindStringIndex(msg); loc != nil {
		msg = msg[:loc[1]]
	}
	return msg
}

var exitStatus = regexp.MustCompile(`exit status -?\d+`)

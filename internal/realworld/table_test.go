//go:build realworld

package realworld

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// row is one corpus file and the outcome Belgi promises for it.
type row struct {
	Path   string // relative to the corpus root, e.g. images/x.jpg
	Corpus string // the corpus's own hint: label or refuse
	Status string // ok, skipped or error
	Kind   string // image, audio, video, document, text; "" if undetected
	Output string // extension of the labeled copy, e.g. .jpg; "" unless ok
	Layers string // comma-separated layers of an ok result
	// Message is, for a refusal, text the error or skip reason must
	// contain; for an ok result, the notes, kept for the reader only.
	Message string
	// Foreign is what readers nobody here wrote find wrong with the
	// output ("" when they read it cleanly): a known defect, written down
	// so that it is seen and fixed, never a silent pass.
	Foreign string
}

const tableHeader = "# path\tcorpus\tstatus\tkind\toutput\tlayers\tmessage\tforeign"

// readTable reads testdata/realworld.tsv; a missing table is empty.
func readTable(path string) (map[string]row, error) {
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return map[string]row{}, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows := map[string]row{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) != 8 {
			return nil, fmt.Errorf("%s:%d: %d columns, want 8", path, n, len(c))
		}
		rows[c[0]] = row{c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]}
	}
	return rows, sc.Err()
}

// writeTable writes rows sorted by path, so that diffs stay readable.
func writeTable(path string, rows map[string]row) error {
	var b strings.Builder
	b.WriteString("# The outcome Belgi promises for every file of ../shared/realworld with default\n")
	b.WriteString("# settings (make realworld checks it; go test -tags realworld ./internal/realworld -update\n")
	b.WriteString("# rewrites it). message: for a refusal, text the reason must contain; for ok, the notes.\n")
	b.WriteString("# foreign: what exiftool, djpeg, ImageMagick, ffmpeg, poppler, qpdf or unzip find wrong with\n")
	b.WriteString("# the output, or belgi-cli check disputing it: every non-empty one is a known defect.\n")
	b.WriteString(tableHeader + "\n")
	keys := make([]string, 0, len(rows))
	for k := range rows {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		r := rows[k]
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.Path, r.Corpus, r.Status, r.Kind, r.Output, r.Layers, clean(r.Message), clean(r.Foreign))
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

var (
	hexAddr = regexp.MustCompile(`0x[0-9a-f]{8,}`)
	spaces  = regexp.MustCompile(`[\t\n\r]+`)
)

// normalize makes a message comparable across runs and machines: the
// file's own name and paths become {file}, ffmpeg's pointers 0x….
func normalize(msg, path string) string {
	msg = strings.ReplaceAll(msg, path, "{file}")
	msg = strings.ReplaceAll(msg, filepath.Base(path), "{file}")
	msg = hexAddr.ReplaceAllString(msg, "0x…")
	return spaces.ReplaceAllString(msg, " ")
}

// clean keeps a message on one table line and short enough to read.
func clean(msg string) string {
	msg = spaces.ReplaceAllString(msg, " ")
	if r := []rune(msg); len(r) > 160 {
		msg = string(r[:160])
	}
	return strings.TrimSpace(msg)
}

// readManifest reads the corpus's manifest.tsv: path -> label|refuse.
func readManifest(path string) (map[string]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for i, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		c := strings.Split(line, "\t")
		if i == 0 || len(c) < 5 {
			continue
		}
		out[c[0]] = c[4]
	}
	return out, nil
}

package pdf

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/labeler/provenance"
)

// kazakhLines is a notice with every letter Kazakh adds to Russian.
var kazakhLines = []string{"Жасанды интеллект көмегімен жасалған", "Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ Іі", "Создано с помощью искусственного интеллекта"}

func testNotice(all bool) Notice {
	mark := provenance.Mark{DigitalSourceType: "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia", Tool: "Belgi test", Layers: []string{"notice", "xmp"}, Notice: kazakhLines}
	return Notice{Lines: kazakhLines, AllPages: all, XMP: func(e []byte) ([]byte, error) { return provenance.Packet(e, mark) }}
}

// labelData labels data and returns the input and output paths.
func labelData(t *testing.T, data []byte, n Notice) (in, out string, o Outcome, err error) {
	t.Helper()
	dir := t.TempDir()
	in, out = filepath.Join(dir, "in.pdf"), filepath.Join(dir, "out.pdf")
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	o, err = Label(context.Background(), in, out, n)
	return in, out, o, err
}

func mustLabel(t *testing.T, data []byte, n Notice) (in, out string, o Outcome) {
	t.Helper()
	in, out, o, err := labelData(t, data, n)
	if err != nil {
		t.Fatalf("Label: %v", err)
	}
	return in, out, o
}

func openFile(t *testing.T, path string) *File {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := Open(data)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// tool runs a program nobody here wrote; the test is skipped only when
// it is not installed (CI installs it: scripts/deps.sh).
func tool(t *testing.T, name string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Skipf("%s is not installed (Debian: poppler-utils, qpdf)", name)
	}
	cmd := exec.Command(name, args...)
	var o, e strings.Builder
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return o.String(), e.String(), code
}

func regexpLine(s, pattern string) bool { return regexp.MustCompile(pattern).MatchString(s) }

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

package docx

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestRealWorldDOCX labels every Word file of ../shared/realworld (read
// at run time, never copied here). Each is labeled and reads back with
// unzip -t, or is refused with a reason that names what it is.
func TestRealWorldDOCX(t *testing.T) {
	if testing.Short() {
		t.Skip("real-world corpus skipped in -short mode")
	}
	var paths []string
	for _, pat := range []string{"documents/*.doc[xm]", "documents/*.dotx", "broken/*.docx"} {
		p, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "realworld", pat))
		paths = append(paths, p...)
	}
	if len(paths) == 0 {
		t.Skip("../shared/realworld is not here: the real-world Word files are not checked")
	}
	refused := map[string]string{
		"poi_bug53475-password-is-pass.docx": "OLE", // an encrypted package: the kind names it, Label sees no zip
		"poi_truncated62886.docx":            "damaged or truncated",
		"tika_testWORD_truncated.docx":       "damaged or truncated",
	}
	for _, path := range paths {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			out, notes, err := labelBytes(t, data, name)
			if want, ok := refused[name]; ok {
				if err == nil || want != "OLE" && !strings.Contains(err.Error(), want) {
					t.Errorf("error %v, want a refusal saying %q", err, want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if b, err := exec.Command("unzip", "-tq", out).CombinedOutput(); err != nil {
				t.Errorf("unzip -t: %v\n%s", err, b)
			}
			if strings.Contains(name, "signed") != strings.Contains(strings.Join(notes, " "), "signature") {
				t.Errorf("notes %q", notes)
			}
		})
	}
}

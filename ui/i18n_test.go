package ui

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// usedKeys finds every literal handed to L or sectionTitle in the package.
func usedKeys(t *testing.T) map[string]bool {
	t.Helper()
	re := regexp.MustCompile(`(?:\.L|sectionTitle)\(("(?:[^"\\]|\\.)*")`)
	files, _ := filepath.Glob("*.go")
	keys := map[string]bool{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(src), -1) {
			k, err := strconv.Unquote(m[1])
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			keys[k] = true
		}
	}
	return keys
}

func TestEveryStringIsTranslated(t *testing.T) {
	keys := usedKeys(t)
	if len(keys) < 40 {
		t.Fatalf("found only %d interface strings: the pattern is broken", len(keys))
	}
	for _, l := range []string{"kk", "ru"} {
		data, err := translationFS.ReadFile("translations/" + l + ".json")
		if err != nil {
			t.Fatal(err)
		}
		var msgs map[string]string
		if err := json.Unmarshal(data, &msgs); err != nil {
			t.Fatalf("%s.json: %v", l, err)
		}
		for k := range keys {
			if msgs[k] == "" {
				t.Errorf("%s.json has no translation for %q", l, k)
			}
		}
		for k := range msgs {
			if !keys[k] {
				t.Errorf("%s.json translates %q, which the interface no longer uses", l, k)
			}
		}
	}
}

func TestExplicitLanguageOverridesSystem(t *testing.T) {
	tr := newTranslator("kk")
	if got := tr.L("Add files…"); got == "Add files…" {
		t.Errorf("kk: %q is not translated", got)
	}
	if got := tr.L("Files: {{.N}}", map[string]any{"N": 3}); !strings.Contains(got, "3") {
		t.Errorf("kk: template not filled: %q", got)
	}
	if got := newTranslator("en").L("Add files…"); got != "Add files…" {
		t.Errorf("en: %q", got)
	}
}

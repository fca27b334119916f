// Package kindtest is the conformance suite every media kind must pass,
// like rclone's fstests: run through the real core (Registry.Process), a
// kind must label each good fixture with both layers, leave the original
// byte-for-byte untouched, produce an output whose marks read back, and
// turn each bad fixture into an error that names the file — with no
// output and no temporary file left behind.
package kindtest

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/labeler"
)

// Fixture is one input file for the suite.
type Fixture struct {
	Name string // file name, extension included
	Data []byte
	// Bad marks input the kind must refuse with an error.
	Bad bool
	// Layers the output must report (good fixtures); nil skips the check.
	Layers []string
}

// Run labels every fixture with spec through a registry holding kind.
func Run(t *testing.T, kind labeler.Kind, spec labeler.Spec, fixtures []Fixture) {
	t.Helper()
	reg := labeler.NewRegistry(kind)
	for _, fx := range fixtures {
		t.Run(fx.Name, func(t *testing.T) {
			dir := t.TempDir()
			in := filepath.Join(dir, fx.Name)
			if err := os.WriteFile(in, fx.Data, 0o444); err != nil {
				t.Fatal(err)
			}
			res := reg.Process(context.Background(), spec, labeler.Input{Path: in}, nil)
			if got, _ := os.ReadFile(in); !bytes.Equal(got, fx.Data) {
				t.Fatalf("the original changed")
			}
			if fx.Bad {
				checkRefused(t, res, fx.Name, dir)
				return
			}
			checkLabeled(t, kind, spec, res, fx)
		})
	}
}

func checkRefused(t *testing.T, res labeler.Result, name, dir string) {
	t.Helper()
	if res.Status != labeler.StatusError || res.Err == nil {
		t.Fatalf("bad input gave status %s, want an error", res.Status)
	}
	if !strings.Contains(res.Err.Error(), name) {
		t.Errorf("error %q does not name the file", res.Err)
	}
	assertNoLeftovers(t, dir)
}

func checkLabeled(t *testing.T, kind labeler.Kind, spec labeler.Spec, res labeler.Result, fx Fixture) {
	t.Helper()
	if res.Status != labeler.StatusOK {
		t.Fatalf("status %s: %v", res.Status, res.Err)
	}
	rep, err := kind.Inspect(context.Background(), res.Output)
	if err != nil {
		t.Fatalf("inspect output: %v", err)
	}
	if !rep.Labeled || rep.DigitalSourceType != spec.DigitalSourceType() {
		t.Errorf("output reads back as labeled=%v dst=%q", rep.Labeled, rep.DigitalSourceType)
	}
	for _, l := range fx.Layers {
		if !slices.Contains(res.Layers, l) {
			t.Errorf("layers %v lack %q", res.Layers, l)
		}
	}
	assertNoLeftovers(t, filepath.Dir(res.Output))
}

// assertNoLeftovers fails if a temporary output survived.
func assertNoLeftovers(t *testing.T, dir string) {
	t.Helper()
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasPrefix(d.Name(), ".belgi-") {
			t.Errorf("temporary file left behind: %s", p)
		}
		return nil
	})
}

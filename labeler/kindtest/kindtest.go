// Package kindtest is the conformance suite every media kind must pass,
// like rclone's fstests: run through the real core (Registry.Process), a
// kind must
//   - recognise each fixture: its Sniff accepts the fixture's head (unless
//     the format is known by extension only) and a registry detects it as
//     this kind;
//   - read each good, unlabeled original back through Inspect as not
//     labeled;
//   - label each good fixture with both layers, leave the original
//     byte-for-byte untouched, and produce an output whose marks read back;
//   - keep its optional promises: a Previewer draws within the size asked
//     for, and a Retargeter's extension names the format it writes;
//   - turn each bad fixture into a *labeler.FileError that names the file
//     once, at the decode or label stage, with a cause that speaks of the
//     content only — leaving no output and no temporary file behind.
package kindtest

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
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
	// ByExtension marks a good fixture whose format has no magic bytes
	// (plain text, Markdown, SRT): it is recognised by its extension, so
	// Sniff need not accept it.
	ByExtension bool
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
			if !fx.Bad {
				checkRecognised(t, reg, kind, fx)
				checkUnlabeled(t, kind, in)
				checkPreview(t, kind, spec, in)
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
			checkRetarget(t, kind, fx, res.Output)
		})
	}
}

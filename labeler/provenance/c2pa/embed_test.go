package c2pa

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/provenance"
)

type embedCase struct {
	name   string
	format string
	ai     labeler.Involvement
	// parent: the source already carries Content Credentials.
	parent bool
	// title: a long one makes a manifest bigger than one APP11 segment.
	title       string
	wantActions string
	wantIngr    int
}

func embedCases() []embedCase {
	long := strings.Repeat("Ұзын атау ", 9000) + ".jpg"
	return []embedCase{
		{name: "jpeg generated", format: "jpeg", ai: labeler.Generated, wantActions: "c2pa.created"},
		{name: "png generated", format: "png", ai: labeler.Generated, wantActions: "c2pa.created"},
		{name: "jpeg modified", format: "jpeg", ai: labeler.Modified, wantActions: "c2pa.opened,c2pa.edited", wantIngr: 1},
		{name: "png modified", format: "png", ai: labeler.Modified, wantActions: "c2pa.opened,c2pa.edited", wantIngr: 1},
		{name: "jpeg generated with parent", format: "jpeg", ai: labeler.Generated, parent: true, wantActions: "c2pa.opened,c2pa.edited", wantIngr: 1},
		{name: "png modified with parent", format: "png", ai: labeler.Modified, parent: true, wantActions: "c2pa.opened,c2pa.edited", wantIngr: 1},
		{name: "jpeg several APP11 segments", format: "jpeg", ai: labeler.Generated, title: long, wantActions: "c2pa.created"},
	}
}

// build signs c's output; with c.parent the source is itself a signed
// file, handed in as Manifest.Source the way the image kind would.
func (c embedCase) build(t testing.TB, s Signer) []byte {
	t.Helper()
	spec := specFor(c.ai)
	m := ManifestFor(spec, "out."+c.format, "in."+c.format, nil)
	if c.title != "" {
		m.Title = c.title
	}
	if c.parent {
		src, err := embedFor(c.format, labeled(t, c.format, specFor(labeler.Generated)), m, s)
		if err != nil {
			t.Fatal(err)
		}
		m.Source = src
	}
	out, err := embedFor(c.format, labeled(t, c.format, spec), m, s)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestEmbedAndRead(t *testing.T) {
	s, _ := devIdentity(t)
	for _, c := range embedCases() {
		t.Run(c.name, func(t *testing.T) {
			out := c.build(t, s)
			f, err := Read(out, c.format)
			if err != nil {
				t.Fatal(err)
			}
			want := specFor(c.ai).DigitalSourceType()
			if !f.Present || f.DigitalSourceType != want || f.ClaimGenerator != labeler.Tool {
				t.Errorf("read %+v, want dst %s by %s", f, want, labeler.Tool)
			}
			if !f.HashChecked || !f.HashMatches {
				t.Errorf("data hash checked=%v matches=%v", f.HashChecked, f.HashMatches)
			}
			if got := strings.Join(f.Actions, ","); got != c.wantActions || f.Ingredients != c.wantIngr {
				t.Errorf("actions %s ingredients %d, want %s and %d", got, f.Ingredients, c.wantActions, c.wantIngr)
			}
			if c.title != "" && !bytes.Contains(out, []byte("JP\x00\x01\x00\x00\x00\x02")) {
				t.Error("a long manifest did not spill into a second APP11 segment")
			}
			if !bytes.Contains(out, []byte(provenance.NSIptcExt)) {
				t.Error("the XMP packet did not survive embedding")
			}
		})
	}
}

// TestTamperedPixelIsAMismatch: one changed byte of image data breaks
// the hard binding, and Read says so.
func TestTamperedPixelIsAMismatch(t *testing.T) {
	s, _ := devIdentity(t)
	for _, c := range embedCases()[:2] {
		out := c.build(t, s)
		out[firstPixelByte(t, out)] ^= 0x01
		f, err := Read(out, c.format)
		if err != nil {
			t.Fatal(err)
		}
		if !f.HashChecked || f.HashMatches {
			t.Errorf("%s: tampered file reads checked=%v matches=%v", c.name, f.HashChecked, f.HashMatches)
		}
	}
}

// TestParentManifestsCarriedVerbatim: the parent's manifest boxes are in
// the new store byte for byte, before the new (active) one.
func TestParentManifestsCarriedVerbatim(t *testing.T) {
	s, _ := devIdentity(t)
	c := embedCases()[4]
	out := c.build(t, s)
	l, err := parseJPEG(out)
	if err != nil {
		t.Fatal(err)
	}
	root, err := parseStore(l.store)
	if err != nil {
		t.Fatal(err)
	}
	if len(root.kids) != 2 {
		t.Fatalf("%d manifests in the store, want the parent's and ours", len(root.kids))
	}
	f, _ := Read(out, "jpeg")
	if root.kids[1].label != f.Label || root.kids[0].label == f.Label {
		t.Errorf("active manifest %s is not last of %s, %s", f.Label, root.kids[0].label, root.kids[1].label)
	}
}

// TestReembedReplacesStore: signing a file that still has a store keeps
// one store, whose parent is the old active manifest.
func TestReembedReplacesStore(t *testing.T) {
	s, _ := devIdentity(t)
	for _, format := range []string{"jpeg", "png"} {
		m := ManifestFor(specFor(labeler.Generated), "a", "a", nil)
		once, err := embedFor(format, labeled(t, format, specFor(labeler.Generated)), m, s)
		if err != nil {
			t.Fatal(err)
		}
		twice, err := embedFor(format, once, m, s)
		if err != nil {
			t.Fatal(err)
		}
		f, err := Read(twice, format)
		if err != nil || !f.HashMatches || f.Ingredients != 1 {
			t.Errorf("%s: re-embedded reads %+v, %v", format, f, err)
		}
		if n := bytes.Count(twice, []byte("jumb")) - bytes.Count(once, []byte("jumb")); n <= 0 {
			t.Errorf("%s: no manifest added", format)
		}
	}
}

func TestReadWithoutManifest(t *testing.T) {
	for _, format := range []string{"jpeg", "png"} {
		f, err := Read(labeled(t, format, specFor(labeler.Generated)), "")
		if err != nil || f.Present {
			t.Errorf("%s: %+v, %v", format, f, err)
		}
		var r labeler.Report
		f.Report(&r)
		if slices.Contains(r.Provenance, "c2pa") {
			t.Errorf("%s: report claims c2pa: %+v", format, r)
		}
	}
}

package c2pa

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/provenance"
)

// formats Belgi signs, by extension; the audio and video ones need ffmpeg
// to make their sources.
var formats = []string{"jpeg", "png", "gif", "tiff", "webp", "wav", "mp3", "flac", "m4a", "mp4", "mov", "avi"}

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
	cases := []embedCase{
		{name: "jpeg modified", format: "jpeg", ai: labeler.Modified, wantActions: "c2pa.opened,c2pa.edited", wantIngr: 1},
		{name: "png modified", format: "png", ai: labeler.Modified, wantActions: "c2pa.opened,c2pa.edited", wantIngr: 1},
		{name: "jpeg generated with parent", format: "jpeg", ai: labeler.Generated, parent: true, wantActions: "c2pa.opened,c2pa.edited", wantIngr: 1},
		{name: "png modified with parent", format: "png", ai: labeler.Modified, parent: true, wantActions: "c2pa.opened,c2pa.edited", wantIngr: 1},
		{name: "jpeg several APP11 segments", format: "jpeg", ai: labeler.Generated, title: long, wantActions: "c2pa.created"},
	}
	for _, f := range formats {
		cases = append(cases, embedCase{name: f + " generated", format: f, ai: labeler.Generated, wantActions: "c2pa.created"})
	}
	return cases
}

// build signs c's output; with c.parent the source is itself a signed
// file, whose store becomes the parent the way the finisher hands it in.
func (c embedCase) build(t testing.TB, s Signer) []byte {
	t.Helper()
	m := ManifestFor(specFor(c.ai), "out."+c.format, "in."+c.format)
	if c.title != "" {
		m.Title = c.title
	}
	src := asset(t, c.format)
	if c.parent {
		signed := signBytes(t, src, c.format, ManifestFor(specFor(labeler.Generated), "in", ""), s)
		f, _ := BuiltIn().Find(signed)
		l, err := f.Container.Open(bytes.NewReader(signed), int64(len(signed)))
		if err != nil {
			t.Fatal(err)
		}
		if m.Parent, err = NewParent(l.Store(), bytes.NewReader(signed), int64(len(signed)), Options{}); err != nil {
			t.Fatal(err)
		}
	}
	return signBytes(t, src, c.format, m, s)
}

func TestEmbedAndRead(t *testing.T) {
	s, _ := devIdentity(t)
	for _, c := range embedCases() {
		t.Run(c.name, func(t *testing.T) {
			out := c.build(t, s)
			f, err := Read(out)
			if err != nil {
				t.Fatal(err)
			}
			want := specFor(c.ai).DigitalSourceType()
			if !f.Present || f.DigitalSourceType != want || f.ClaimGenerator != labeler.Tool {
				t.Errorf("read %+v, want dst %s by %s", f, want, labeler.Tool)
			}
			if !f.HashChecked || !f.HashMatches || !f.Results.Valid() {
				t.Errorf("hash checked=%v matches=%v, results %v", f.HashChecked, f.HashMatches, f.Results.Failure)
			}
			if !slices.Contains(f.Results.Codes(), "claimSignature.validated") {
				t.Errorf("signature not validated: %v", f.Results.Codes())
			}
			if got := strings.Join(f.Actions, ","); got != c.wantActions || f.Ingredients != c.wantIngr {
				t.Errorf("actions %s ingredients %d, want %s and %d", got, f.Ingredients, c.wantActions, c.wantIngr)
			}
			if c.title != "" && !bytes.Contains(out, []byte("JP\x00\x01\x00\x00\x00\x02")) {
				t.Error("a long manifest did not spill into a second APP11 segment")
			}
			if c.format == "jpeg" && !bytes.Contains(out, []byte(provenance.NSIptcExt)) {
				t.Error("the XMP packet did not survive embedding")
			}
		})
	}
}

// TestTamperedMediaIsAMismatch: one changed byte of media data breaks
// the hard binding, and Read says so.
func TestTamperedMediaIsAMismatch(t *testing.T) {
	s, _ := devIdentity(t)
	for _, format := range formats {
		out := signBytes(t, asset(t, format), format, ManifestFor(specFor(labeler.Generated), "a", ""), s)
		out[mediaByte(t, format, out)] ^= 0x01
		f, err := Read(out)
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if !f.HashChecked || f.HashMatches || f.Results.Valid() {
			t.Errorf("%s: tampered file reads checked=%v matches=%v", format, f.HashChecked, f.HashMatches)
		}
	}
}

// TestParentManifestsCarriedVerbatim: the parent's manifest boxes are in
// the new store byte for byte, before the new (active) one.
func TestParentManifestsCarriedVerbatim(t *testing.T) {
	s, _ := devIdentity(t)
	out := embedCases()[2].build(t, s)
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
	f, _ := Read(out)
	if root.kids[1].label != f.Label || root.kids[0].label == f.Label {
		t.Errorf("active manifest %s is not last of %s, %s", f.Label, root.kids[0].label, root.kids[1].label)
	}
}

// TestReembedReplacesStore: signing a file that still has a store keeps
// one store, whose parent is the old active manifest, validated.
func TestReembedReplacesStore(t *testing.T) {
	s, _ := devIdentity(t)
	for _, format := range formats {
		m := ManifestFor(specFor(labeler.Generated), "a", "a")
		once := signBytes(t, asset(t, format), format, m, s)
		twice := signBytes(t, once, format, m, s)
		f, err := Read(twice)
		if err != nil || !f.HashMatches || f.Ingredients != 1 {
			t.Errorf("%s: re-signed reads %+v, %v", format, f, err)
		}
		if n := bytes.Count(twice, []byte("c2ma")) - bytes.Count(once, []byte("c2ma")); n != 1 {
			t.Errorf("%s: %d manifests added, want 1", format, n)
		}
	}
}

func TestReadWithoutManifest(t *testing.T) {
	for _, format := range []string{"jpeg", "png", "gif", "tiff", "webp"} {
		f, err := Read(labeled(t, format, specFor(labeler.Generated)))
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

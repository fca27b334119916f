package c2pa

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/provenance/c2pa/c2patest"
)

// goVerdict is Belgi's validation of a file in the reference's terms:
// the state, the failure codes of the active manifest, and why no
// manifest was read (the reference's error names).
type goVerdict struct {
	state    string
	failures []string
	deltas   []string // failure codes of the ingredient deltas
	err      string
}

func validateFile(t *testing.T, path string) goVerdict {
	t.Helper()
	found, err := ReadFileWith(path, BuiltIn(), Options{})
	switch {
	case err != nil:
		return goVerdict{err: err.Error()}
	case !found.Present:
		if remote := RemoteManifest(path); remote != "" {
			return goVerdict{err: "RemoteManifestUrl"}
		}
		return goVerdict{err: "JumbfNotFound"}
	case found.Validation.Prerelease:
		return goVerdict{err: "PrereleaseError"}
	}
	return verdictOf(found.Validation)
}

func verdictOf(v Validation) goVerdict {
	var deltas []Status
	for _, d := range v.Deltas {
		deltas = append(deltas, d.Results.Failure...)
	}
	return goVerdict{state: v.State, failures: uniqueCodes(v.Results.Failure), deltas: uniqueCodes(deltas)}
}

func uniqueCodes(ss []Status) []string {
	var out []string
	for _, s := range ss {
		if !slices.Contains(out, s.Code) {
			out = append(out, s.Code)
		}
	}
	slices.Sort(out)
	return out
}

// refVerdict is the reference's verdict in the same terms.
func refVerdict(v c2patest.Verdict) goVerdict {
	if v.Error != "" {
		name := strings.TrimSuffix(strings.TrimPrefix(v.Error, "C2pa("), ")")
		name, _, _ = strings.Cut(name, "(")
		return goVerdict{err: name}
	}
	f, d := slices.Clone(v.Failures), slices.Clone(v.Deltas)
	slices.Sort(f)
	slices.Sort(d)
	return goVerdict{state: v.State, failures: slices.Compact(f), deltas: slices.Compact(d)}
}

// TestAgreesWithReferenceOnCorpus: on every file of the shared C2PA
// corpus (Adobe, Nikon, Truepic, Google, c2pa-rs's tampered fixtures
// E-sig/E-dat/E-uri/E-clm/XCA, a remote manifest, a pre-release one, a
// fragmented MP4, a HEIC) Belgi's validator reaches the reference
// implementation's verdict: the active manifest's state and its set of
// failure codes, or the same reason for reading no manifest.
func TestAgreesWithReferenceOnCorpus(t *testing.T) {
	files, _ := filepath.Glob(realworld + "*")
	if len(files) == 0 {
		t.Skip("the shared C2PA corpus is not here")
	}
	for _, path := range files {
		if filepath.Ext(path) == ".pdf" {
			// PDF's container is the documents kind's Format, so the
			// comparison lives beside it: TestCheckAgreesWithReferenceOnPDF
			// in labeler/kinds.
			continue
		}
		t.Run(filepath.Base(path), func(t *testing.T) {
			compareWithReference(t, path, "")
		})
	}
}

// TestAgreesWithReferenceOnBelgiOutputs: Belgi's own signed files,
// whole and tampered, trusted through the test root and not.
func TestAgreesWithReferenceOnBelgiOutputs(t *testing.T) {
	s, root := devIdentity(t)
	for _, format := range []string{"jpeg", "png", "wav", "mp4"} {
		signedFile := signBytes(t, asset(t, format), format, ManifestFor(specFor(labeler.Generated), "a", ""), s)
		tampered := slices.Clone(signedFile)
		tampered[mediaByte(t, format, tampered)] ^= 0x01
		for name, data := range map[string][]byte{"signed": signedFile, "tampered": tampered} {
			path := filepath.Join(t.TempDir(), name+"."+extOf(format))
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Run(format+"/"+name, func(t *testing.T) { compareWithReference(t, path, "") })
			t.Run(format+"/"+name+"/trusted", func(t *testing.T) { compareWithReference(t, path, root) })
		}
	}
}

func extOf(format string) string {
	if e := map[string]string{"jpeg": "jpg", "tiff": "tif"}[format]; e != "" {
		return e
	}
	return format
}

func compareWithReference(t *testing.T, path, anchors string) {
	t.Helper()
	want := refVerdict(c2patest.Reference(t, path, anchors))
	got := validateFileTrusting(t, path, anchors)
	if got.state != want.state || got.err != want.err || !slices.Equal(got.failures, want.failures) || !slices.Equal(got.deltas, want.deltas) {
		t.Errorf("%s:\n Belgi     %s %v deltas %v %s\n reference %s %v deltas %v %s", filepath.Base(path),
			got.state, got.failures, got.deltas, got.err, want.state, want.failures, want.deltas, want.err)
	}
}

func validateFileTrusting(t *testing.T, path, anchors string) goVerdict {
	t.Helper()
	if anchors == "" {
		return validateFile(t, path)
	}
	trust, err := LoadTrust(anchors)
	if err != nil {
		t.Fatal(err)
	}
	found, err := ReadFileWith(path, BuiltIn(), Options{Trust: trust})
	if err != nil || !found.Present {
		return goVerdict{err: "no manifest"}
	}
	return verdictOf(found.Validation)
}

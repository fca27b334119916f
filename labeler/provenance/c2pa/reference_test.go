package c2pa

import (
	"slices"
	"testing"

	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/provenance/c2pa/c2patest"
)

// reference runs the reference implementation over data in format.
func reference(t *testing.T, data []byte, format, anchors string) c2patest.Verdict {
	t.Helper()
	ext := map[string]string{"jpeg": "jpg", "tiff": "tif"}[format]
	if ext == "" {
		ext = format
	}
	return c2patest.ReferenceBytes(t, data, ext, anchors)
}

func TestReferenceImplementationTrustsOutput(t *testing.T) {
	s, root := devIdentity(t)
	for _, c := range embedCases() {
		t.Run(c.name, func(t *testing.T) {
			v := reference(t, c.build(t, s), c.format, root)
			if v.State != "Trusted" || len(v.Failures) > 0 {
				t.Errorf("state %s, failures %v", v.State, v.Failures)
			}
			if want := specFor(c.ai).DigitalSourceType(); v.DST() != want {
				t.Errorf("reference read digitalSourceType %q, want %q", v.DST(), want)
			}
			if len(v.Ingredients) != c.wantIngr || (c.wantIngr > 0 && v.Ingredients[0].Relationship != "parentOf") {
				t.Errorf("ingredients %+v, want %d parentOf", v.Ingredients, c.wantIngr)
			}
		})
	}
}

// TestReferenceImplementationWithoutTrustAnchor: the development identity
// is valid but, rightly, not trusted by a validator that was not told to.
func TestReferenceImplementationWithoutTrustAnchor(t *testing.T) {
	s, _ := devIdentity(t)
	v := reference(t, embedCases()[0].build(t, s), "jpeg", "")
	if v.State != "Valid" || !slices.Equal(v.Failures, []string{"signingCredential.untrusted"}) {
		t.Errorf("state %s, failures %v; want Valid, only signingCredential.untrusted", v.State, v.Failures)
	}
}

func TestReferenceImplementationSeesTampering(t *testing.T) {
	s, root := devIdentity(t)
	for _, format := range formats {
		t.Run(format, func(t *testing.T) {
			out := signBytes(t, asset(t, format), format, ManifestFor(specFor(labeler.Generated), "a", ""), s)
			out[mediaByte(t, format, out)] ^= 0x01
			v := reference(t, out, format, root)
			if v.State != "Invalid" || !(slices.Contains(v.Failures, "assertion.dataHash.mismatch") || slices.Contains(v.Failures, "assertion.bmffHash.mismatch")) {
				t.Errorf("tampered file: state %s, failures %v", v.State, v.Failures)
			}
		})
	}
}

// c2patestReference runs the reference implementation over a file.
func c2patestReference(t *testing.T, path, anchors string) c2patest.Verdict {
	t.Helper()
	return c2patest.Reference(t, path, anchors)
}

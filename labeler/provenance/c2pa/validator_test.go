package c2pa

import (
	"bytes"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/belgi-kz/belgi/labeler"
	"github.com/fxamacker/cbor/v2"
)

// validateBytes validates the store a signed file carries.
func validateBytes(t *testing.T, data []byte, opt Options) Validation {
	t.Helper()
	store, err := FindStore(bytes.NewReader(data), int64(len(data)), BuiltIn())
	if err != nil || store == nil {
		t.Fatalf("no store: %v", err)
	}
	v, err := Validate(store, bytes.NewReader(data), int64(len(data)), opt)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func hasCode(r Results, code string) bool { return r.has(code) }

// TestTrustAndExpiry: the same signature is Trusted through its root,
// only Valid without it, and Invalid (expired) once its certificate has
// lapsed when nothing vouches for the time it was made.
func TestTrustAndExpiry(t *testing.T) {
	s, root := devIdentity(t)
	out := signBytes(t, asset(t, "jpeg"), "jpeg", ManifestFor(specFor(labeler.Generated), "a", ""), s)
	trust, err := LoadTrust(root)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name  string
		opt   Options
		state string
		code  string
	}{
		{"anchored", Options{Trust: trust}, StateTrusted, "signingCredential.trusted"},
		{"no anchors", Options{}, StateValid, "signingCredential.untrusted"},
		{"lapsed", Options{Trust: trust, Now: s.Chain[0].NotAfter.Add(time.Hour)}, StateInvalid, "signingCredential.expired"},
	}
	for _, c := range cases {
		v := validateBytes(t, out, c.opt)
		if v.State != c.state || !hasCode(v.Results, c.code) {
			t.Errorf("%s: %s %v", c.name, v.State, v.Results.Codes())
		}
	}
}

// TestTimestampOutlivesCertificate: a signature time-stamped by a trusted
// authority stays valid after the signer's certificate lapses, since the
// certificate was valid when the authority says it signed.
func TestTimestampOutlivesCertificate(t *testing.T) {
	ca := newTestCA(t)
	srv := httptest.NewServer(newTestTSA(t, ca))
	defer srv.Close()
	s, root := devIdentity(t)
	s.TSA = &TSA{URL: srv.URL}
	out := signBytes(t, asset(t, "jpeg"), "jpeg", ManifestFor(specFor(labeler.Generated), "a", ""), s)
	anchors := filepath.Join(t.TempDir(), "anchors.pem")
	rootPEM, _ := os.ReadFile(root)
	caPEM, _ := os.ReadFile(ca.pem)
	if err := os.WriteFile(anchors, append(rootPEM, caPEM...), 0o644); err != nil {
		t.Fatal(err)
	}
	trust, _ := LoadTrust(anchors)
	later := s.Chain[0].NotAfter.Add(time.Hour)
	v := validateBytes(t, out, Options{Trust: trust, Now: later})
	if v.State != StateTrusted || !hasCode(v.Results, "timeStamp.trusted") || v.Manifests[0].Time.IsZero() || !v.Manifests[0].TimeTrusted {
		t.Errorf("time-stamped, trusted: %s %v", v.State, v.Results.Codes())
	}
	v = validateBytes(t, out, Options{Trust: &Trust{}, Now: later})
	if v.State != StateInvalid || !hasCode(v.Results, "signingCredential.expired") || !hasCode(v.Results, "timeStamp.untrusted") {
		t.Errorf("time-stamped by an unknown authority: %s %v", v.State, v.Results.Codes())
	}
}

// TestBoxHash: a JPEG bound by c2pa.hash.boxes matches its own boxes and
// not a file with one changed.
func TestBoxHash(t *testing.T) {
	data := asset(t, "jpeg")
	boxes, err := jpegBoxes(data)
	if err != nil {
		t.Fatal(err)
	}
	var bh boxHash
	for _, b := range boxes {
		g := struct {
			Names    []string `cbor:"names"`
			Alg      string   `cbor:"alg"`
			Hash     []byte   `cbor:"hash"`
			Excluded bool     `cbor:"excluded"`
		}{Names: []string{b.name}}
		g.Hash = digest(hashAlgSHA256(), data[b.start:b.start+b.len])
		bh.Boxes = append(bh.Boxes, g)
	}
	bh.Alg = "sha256"
	enc, _ := cbor.Marshal(bh)
	var back boxHash
	if err := cbor.Unmarshal(enc, &back); err != nil || matchBoxes(data, boxes, back) != nil {
		t.Fatalf("own boxes: %v", matchBoxes(data, boxes, back))
	}
	changed := slices.Clone(data)
	changed[len(changed)-10] ^= 1
	cb, _ := jpegBoxes(changed)
	if matchBoxes(changed, cb, back) == nil {
		t.Error("a changed byte is not seen")
	}
}

func hashAlgSHA256() hashAlg {
	h, _ := hashByName("sha256")
	return h
}

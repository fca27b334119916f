package c2pa

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/belgi-kz/belgi/labeler"
)

// A tiny RFC 3161 time-stamp authority for the tests: it answers every
// request with a token signed by a certificate of the test CA.
var (
	oidSignedData    = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 2}
	oidTSTInfo       = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 16, 1, 4}
	oidContentType   = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 3}
	oidSigningCertV2 = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 16, 2, 47}
	oidECDSASHA256   = asn1.ObjectIdentifier{1, 2, 840, 10045, 4, 3, 2}
	oidTimeStamping  = asn1.ObjectIdentifier{1, 3, 6, 1, 5, 5, 7, 3, 8}
)

type testTSA struct {
	key  *ecdsa.PrivateKey
	cert *x509.Certificate
	hits int
}

func newTestTSA(t *testing.T, ca testCA) *testTSA {
	t.Helper()
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	eku := der(t, []asn1.ObjectIdentifier{oidTimeStamping})
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(7), Subject: pkix.Name{CommonName: "Test TSA"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		KeyUsage:        x509.KeyUsageDigitalSignature,
		ExtraExtensions: []pkix.Extension{{Id: oidExtKeyUsage, Critical: true, Value: eku}},
	}
	d, err := x509.CreateCertificate(rand.Reader, tmpl, ca.cert, &key.PublicKey, ca.key)
	if err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(d)
	return &testTSA{key: key, cert: cert}
}

func der(t testing.TB, v any) []byte {
	b, err := asn1.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// tlv wraps parts in one constructed element of a class and tag.
func tlv(t testing.TB, class, tag int, parts ...[]byte) []byte {
	return der(t, asn1.RawValue{Class: class, Tag: tag, IsCompound: true, Bytes: bytes.Join(parts, nil)})
}

func seq(t testing.TB, parts ...[]byte) []byte { return tlv(t, 0, 16, parts...) }

func (a *testTSA) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	var req timeStampReq
	if _, err := asn1.Unmarshal(body, &req); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	a.hits++
	w.Header().Set("Content-Type", "application/timestamp-reply")
	w.Write(a.response(req))
}

// response builds TimeStampResp { granted, ContentInfo(SignedData) }.
func (a *testTSA) response(req timeStampReq) []byte {
	t := &testing.T{}
	gen, _ := asn1.MarshalWithParams(time.Now().UTC().Truncate(time.Second), "generalized")
	info := seq(t, der(t, 1), der(t, asn1.ObjectIdentifier{1, 2, 3, 4}), der(t, req.MessageImprint),
		der(t, big.NewInt(time.Now().UnixNano())), gen, der(t, req.Nonce))
	sum := sha256.Sum256(info)
	certHash := sha256.Sum256(a.cert.Raw)
	attrs := [][]byte{
		seq(t, der(t, oidContentType), tlv(t, 0, 17, der(t, oidTSTInfo))),
		seq(t, der(t, oidMessageDigest), tlv(t, 0, 17, der(t, sum[:]))),
		seq(t, der(t, oidSigningCertV2), tlv(t, 0, 17, seq(t, seq(t, seq(t, der(t, certHash[:])))))),
	}
	slices.SortFunc(attrs, bytes.Compare)
	signed := tlv(t, 0, 17, attrs...)
	digest := sha256.Sum256(signed)
	sig, _ := ecdsa.SignASN1(rand.Reader, a.key, digest[:])
	sha := seq(t, der(t, oidSHA256))
	signerInfo := seq(t, der(t, 1), seq(t, a.cert.RawIssuer, der(t, a.cert.SerialNumber)), sha,
		tlv(t, 2, 0, attrs...), seq(t, der(t, oidECDSASHA256)), der(t, sig))
	sd := seq(t, der(t, 3), tlv(t, 0, 17, sha),
		seq(t, der(t, oidTSTInfo), tlv(t, 2, 0, der(t, info))),
		tlv(t, 2, 0, a.cert.Raw), tlv(t, 0, 17, signerInfo))
	token := seq(t, der(t, oidSignedData), tlv(t, 2, 0, sd))
	return seq(t, seq(t, der(t, 0)), token)
}

// TestTimestampFromLocalTSA: with a TSA configured, the signature carries
// a v2 timestamp (sigTst2) from it, over the signature, which the
// reference implementation accepts. The TSA runs on 127.0.0.1.
func TestTimestampFromLocalTSA(t *testing.T) {
	ca := newTestCA(t)
	tsa := newTestTSA(t, ca)
	srv := httptest.NewServer(tsa)
	defer srv.Close()
	s, root := devIdentity(t)
	s.TSA = &TSA{URL: srv.URL}
	out := signBytes(t, asset(t, "jpeg"), "jpeg", ManifestFor(specFor(labeler.Generated), "a", ""), s)
	if tsa.hits != 1 {
		t.Fatalf("the TSA was asked %d times, want once", tsa.hits)
	}
	f, err := Read(out)
	if err != nil || !f.Results.Valid() {
		t.Fatalf("read %+v, %v", f, err)
	}
	anchors := filepath.Join(t.TempDir(), "anchors.pem")
	rootPEM, _ := os.ReadFile(root)
	caPEM, _ := os.ReadFile(ca.pem)
	os.WriteFile(anchors, append(rootPEM, caPEM...), 0o644)
	v := reference(t, out, "jpeg", anchors)
	if v.State != "Trusted" || !slices.Contains(v.Success, "timeStamp.validated") {
		t.Errorf("reference: %s %v, timestamp %q, informational %v", v.State, v.Failures, v.Timestamp, v.Informational)
	}
}

// TestTimestampAuthorityDown: a configured TSA that does not answer is
// an error, not a silently untimestamped signature.
func TestTimestampAuthorityDown(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "down", http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	s, _ := devIdentity(t)
	s.TSA = &TSA{URL: srv.URL}
	z, err := NewSealer(context.Background(), ManifestFor(specFor(labeler.Generated), "a", ""), s, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := z.SealData(context.Background(), make([]byte, 32), nil); err == nil {
		t.Error("sealed without the timestamp the spec asked for")
	}
}

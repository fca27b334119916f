package c2pa

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/belgi-kz/belgi/labeler"
	"software.sslmate.com/src/go-pkcs12"
)

// testCA is a certificate authority a test runs, as a newsroom's CA would.
type testCA struct {
	key  *ecdsa.PrivateKey
	cert *x509.Certificate
	pem  string // the root, written to a file, as trust anchors
}

func newTestCA(t *testing.T) testCA {
	t.Helper()
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "Test Newsroom CA"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		KeyUsage: x509.KeyUsageCertSign, BasicConstraintsValid: true, IsCA: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	path := filepath.Join(t.TempDir(), "ca.pem")
	os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o644)
	return testCA{key: key, cert: cert, pem: path}
}

// issue certifies a request, copying the extensions it asks for.
func (ca testCA) issue(t *testing.T, csrPEM []byte) *x509.Certificate {
	t.Helper()
	blk, _ := pem.Decode(csrPEM)
	csr, err := x509.ParseCertificateRequest(blk.Bytes)
	if err != nil || csr.CheckSignature() != nil {
		t.Fatalf("request: %v", err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(2), Subject: csr.Subject,
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		ExtraExtensions: csr.Extensions, BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca.cert, csr.PublicKey, ca.key)
	if err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	return cert
}

// TestCSRToPKCS12ToTrusted walks a newsroom's way to its own identity:
// belgi-cli c2pa csr makes the key and request, the CA certifies it, the
// CA's answer comes back as a .p12, and Belgi signs with it: the
// reference implementation trusts the result given the CA's root.
func TestCSRToPKCS12ToTrusted(t *testing.T) {
	dir := t.TempDir()
	keyPath, csrPath, err := WriteCSR(dir, pkix.Name{CommonName: "Qazaq Newsroom", Country: []string{"KZ"}}, "desk@example.kz")
	if err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(keyPath); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("key file %v, %v", st, err)
	}
	if _, _, err := WriteCSR(dir, pkix.Name{CommonName: "again"}, ""); err == nil {
		t.Error("WriteCSR replaced an existing key")
	}
	csrPEM, _ := os.ReadFile(csrPath)
	ca := newTestCA(t)
	leaf := ca.issue(t, csrPEM)
	if leaf.KeyUsage != x509.KeyUsageDigitalSignature || len(leaf.ExtKeyUsage) != 1 || len(leaf.UnknownExtKeyUsage) != 1 {
		t.Errorf("certified usage %v, eku %v %v", leaf.KeyUsage, leaf.ExtKeyUsage, leaf.UnknownExtKeyUsage)
	}
	keyPEM, _ := os.ReadFile(keyPath)
	key, err := parseKey(keyPEM)
	if err != nil {
		t.Fatal(err)
	}
	p12, err := pkcs12.Modern.Encode(key, leaf, []*x509.Certificate{ca.cert}, "correct horse")
	if err != nil {
		t.Fatal(err)
	}
	p12Path := filepath.Join(dir, "newsroom.p12")
	os.WriteFile(p12Path, p12, 0o600)
	t.Setenv("BELGI_TEST_P12", "correct horse")
	spec := labeler.C2PASpec{PKCS12: p12Path, PasswordEnv: "BELGI_TEST_P12"}
	s, err := LoadIdentity(spec)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Chain) != 1 || !s.Chain[0].Equal(leaf) {
		t.Errorf("chain %d certificates, want the leaf alone (the root is the anchor)", len(s.Chain))
	}
	out := signBytes(t, asset(t, "jpeg"), "jpeg", ManifestFor(specFor(labeler.Generated), "a", ""), s)
	if v := reference(t, out, "jpeg", ca.pem); v.State != "Trusted" {
		t.Errorf("reference: %s %v", v.State, v.Failures)
	}
	spec.Password = "wrong"
	if _, err := LoadIdentity(spec); err == nil || !strings.Contains(err.Error(), "password is wrong") {
		t.Errorf("wrong password: %v", err)
	}
}

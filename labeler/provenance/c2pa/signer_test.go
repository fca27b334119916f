package c2pa

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/labeler"
)

func TestDevSignerIsMadeOnceAndLoads(t *testing.T) {
	dir := t.TempDir()
	first, err := DevSigner(dir)
	if err != nil {
		t.Fatal(err)
	}
	again, err := DevSigner(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !first.Chain[0].Equal(again.Chain[0]) {
		t.Error("DevSigner made a new identity instead of loading the saved one")
	}
	leaf := first.Chain[0]
	if leaf.IsCA || leaf.KeyUsage&x509.KeyUsageDigitalSignature == 0 || len(leaf.ExtKeyUsage) == 0 {
		t.Errorf("leaf profile: CA=%v usage=%v eku=%v", leaf.IsCA, leaf.KeyUsage, leaf.ExtKeyUsage)
	}
	if !strings.Contains(leaf.Subject.CommonName, "NOT FOR PUBLICATION") {
		t.Errorf("development leaf does not say so: %q", leaf.Subject.CommonName)
	}
	if info, err := os.Stat(filepath.Join(dir, DevKeyFile)); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("key file: %v, %v", info, err)
	}
}

func TestSignerRefusals(t *testing.T) {
	good, _ := devIdentity(t)
	other, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	p384, _ := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	root := *good.Chain[len(good.Chain)-1]
	cases := []struct {
		name string
		s    Signer
		want string
	}{
		{"no key", Signer{Chain: good.Chain}, "needs a key"},
		{"no chain", Signer{Key: good.Key}, "needs a key"},
		{"wrong key", Signer{Key: other, Chain: good.Chain}, "does not match"},
		{"not P-256", Signer{Key: p384, Chain: good.Chain}, "P-256"},
		{"CA as leaf", Signer{Key: good.Key, Chain: []*x509.Certificate{withKey(root, good)}}, "non-CA"},
	}
	for _, c := range cases {
		_, err := NewSealer(context.Background(), ManifestFor(specFor(labeler.Generated), "a", ""), c.s, false)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want an error with %q", c.name, err, c.want)
		}
	}
}

// withKey is c with the signer's public key, to test the CA check alone.
func withKey(c x509.Certificate, s Signer) *x509.Certificate {
	c.PublicKey = s.Key.Public()
	return &c
}

func TestLoadSignerReadsPEMFiles(t *testing.T) {
	dir := t.TempDir()
	if _, err := DevSigner(dir); err != nil {
		t.Fatal(err)
	}
	key, _ := os.ReadFile(filepath.Join(dir, DevKeyFile))
	chain, _ := os.ReadFile(filepath.Join(dir, DevChainFile))
	s, err := LoadSigner(key, chain)
	if err != nil || len(s.Chain) != 2 {
		t.Fatalf("LoadSigner: %d certificates, %v", len(s.Chain), err)
	}
	if _, err := LoadSigner([]byte("nonsense"), chain); err == nil {
		t.Error("a key that is not PEM loaded")
	}
	if _, err := LoadSigner(key, nil); err == nil {
		t.Error("an empty chain loaded")
	}
}

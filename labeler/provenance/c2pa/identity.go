package c2pa

import (
	"crypto"
	"crypto/x509"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/belgi-kz/belgi/labeler"
	"software.sslmate.com/src/go-pkcs12"
)

// LoadPKCS12 reads a .p12/.pfx file (what certificate authorities hand
// out): the private key, its certificate and the CA certificates with it,
// ordered leaf first.
func LoadPKCS12(data []byte, password string) (Signer, error) {
	key, leaf, cas, err := pkcs12.DecodeChain(data, password)
	if errors.Is(err, pkcs12.ErrIncorrectPassword) {
		return Signer{}, errors.New("c2pa: the PKCS#12 password is wrong (set it in the environment variable the settings name)")
	}
	if err != nil {
		return Signer{}, fmt.Errorf("c2pa: PKCS#12: %w", err)
	}
	k, ok := key.(crypto.Signer)
	if !ok {
		return Signer{}, errors.New("c2pa: the PKCS#12 key cannot sign")
	}
	s := Signer{Key: k, Chain: append([]*x509.Certificate{leaf}, orderChain(leaf, cas)...)}
	return s, s.check()
}

// orderChain puts the CA certificates in issuing order from the leaf up,
// leaving out self-signed roots (the validator's trust list has them)
// and any that are not on the leaf's path.
func orderChain(leaf *x509.Certificate, cas []*x509.Certificate) []*x509.Certificate {
	var out []*x509.Certificate
	for cur := leaf; len(out) < len(cas); {
		next := issuerOf(cur, cas)
		if next == nil || next.CheckSignatureFrom(next) == nil {
			break
		}
		out = append(out, next)
		cur = next
	}
	return out
}

func issuerOf(c *x509.Certificate, cas []*x509.Certificate) *x509.Certificate {
	for _, ca := range cas {
		if !ca.Equal(c) && c.CheckSignatureFrom(ca) == nil {
			return ca
		}
	}
	return nil
}

// LoadIdentity loads the signer a spec names: a PKCS#12 file, a PEM key
// and chain, or the development identity in the user's config folder.
func LoadIdentity(spec labeler.C2PASpec) (Signer, error) {
	s, err := loadIdentity(spec)
	if err == nil && spec.TSA != "" {
		s.TSA = &TSA{URL: spec.TSA}
	}
	return s, err
}

func loadIdentity(spec labeler.C2PASpec) (Signer, error) {
	switch {
	case spec.PKCS12 != "":
		data, err := os.ReadFile(spec.PKCS12)
		if err != nil {
			return Signer{}, fmt.Errorf("c2pa: %w", err)
		}
		return LoadPKCS12(data, spec.PKCS12Password())
	case spec.Key != "" || spec.Chain != "":
		key, err := os.ReadFile(spec.Key)
		if err != nil {
			return Signer{}, fmt.Errorf("c2pa: %w", err)
		}
		chain, err := os.ReadFile(spec.Chain)
		if err != nil {
			return Signer{}, fmt.Errorf("c2pa: %w", err)
		}
		return LoadSigner(key, chain)
	}
	dir, err := DevDir()
	if err != nil {
		return Signer{}, err
	}
	return DevSigner(dir)
}

// DevDir is where the development identity lives: belgi/c2pa in the
// user's config folder.
func DevDir() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("c2pa: no config folder for the development identity: %w", err)
	}
	return filepath.Join(dir, "belgi", "c2pa"), nil
}

// identities loads each signing identity once per process: a batch signs
// hundreds of files with the same key, and the development identity must
// be created by one goroutine only.
type identities struct {
	mu   sync.Mutex
	byID map[identityKey]Signer
}

type identityKey struct{ key, chain, p12, pass, tsa string }

func (ids *identities) get(spec labeler.C2PASpec) (Signer, error) {
	ids.mu.Lock()
	defer ids.mu.Unlock()
	id := identityKey{spec.Key, spec.Chain, spec.PKCS12, spec.PKCS12Password(), spec.TSA}
	if s, ok := ids.byID[id]; ok {
		return s, nil
	}
	s, err := LoadIdentity(spec)
	if err != nil {
		return s, err
	}
	if ids.byID == nil {
		ids.byID = map[identityKey]Signer{}
	}
	ids.byID[id] = s
	return s, nil
}

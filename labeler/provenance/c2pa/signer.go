package c2pa

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
)

// Signer is the newsroom's signing identity: a P-256 key and its X.509
// chain, leaf first, then intermediates (the root may be left out: the
// validator's trust list supplies it). C2PA validators want the leaf to
// have key usage digitalSignature, an EKU such as emailProtection or
// documentSigning, and not be a CA.
type Signer struct {
	Key   crypto.Signer
	Chain []*x509.Certificate
	// TSA, when set, countersigns every signature with an RFC 3161
	// timestamp, so it stays valid after the certificate expires.
	TSA *TSA
}

// check refuses what the validators would refuse anyway, so that the
// mistake surfaces when signing rather than when a reader opens the file.
func (s Signer) check() error {
	if s.Key == nil || len(s.Chain) == 0 {
		return errors.New("c2pa: signer needs a key and a certificate chain")
	}
	pub, ok := s.Key.Public().(*ecdsa.PublicKey)
	if !ok || pub.Curve != elliptic.P256() {
		return errors.New("c2pa: signer key must be ECDSA P-256 (ES256)")
	}
	leaf := s.Chain[0]
	if !pub.Equal(leaf.PublicKey) {
		return errors.New("c2pa: signer key does not match the leaf certificate")
	}
	if leaf.IsCA || leaf.KeyUsage&x509.KeyUsageDigitalSignature == 0 {
		return errors.New("c2pa: leaf certificate must be a non-CA with key usage digitalSignature")
	}
	return nil
}

// LoadSigner reads a PEM private key (PKCS#8 or SEC 1) and a PEM chain,
// leaf first.
func LoadSigner(keyPEM, chainPEM []byte) (Signer, error) {
	key, err := parseKey(keyPEM)
	if err != nil {
		return Signer{}, err
	}
	chain, err := pemCerts(chainPEM)
	if err != nil {
		return Signer{}, fmt.Errorf("c2pa: certificate chain: %w", err)
	}
	s := Signer{Key: key, Chain: chain}
	return s, s.check()
}

// pemCerts reads every CERTIFICATE block of a PEM file, in order,
// skipping blocks of other types.
func pemCerts(pemData []byte) ([]*x509.Certificate, error) {
	var certs []*x509.Certificate
	for rest := pemData; ; {
		var blk *pem.Block
		if blk, rest = pem.Decode(rest); blk == nil {
			return certs, nil
		}
		if blk.Type != "CERTIFICATE" {
			continue
		}
		c, err := x509.ParseCertificate(blk.Bytes)
		if err != nil {
			return nil, err
		}
		certs = append(certs, c)
	}
}

func parseKey(keyPEM []byte) (crypto.Signer, error) {
	blk, _ := pem.Decode(keyPEM)
	if blk == nil {
		return nil, errors.New("c2pa: no PEM block in the private key")
	}
	if k, err := x509.ParsePKCS8PrivateKey(blk.Bytes); err == nil {
		if s, ok := k.(crypto.Signer); ok {
			return s, nil
		}
		return nil, errors.New("c2pa: private key cannot sign")
	}
	k, err := x509.ParseECPrivateKey(blk.Bytes)
	if err != nil {
		return nil, fmt.Errorf("c2pa: private key: %w", err)
	}
	return k, nil
}

package c2pa

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"math/big"
	"os"
	"path/filepath"
	"time"
)

// Files DevSigner keeps in its folder.
const (
	DevRootFile  = "belgi-dev-root.pem"  // the development trust anchor
	DevChainFile = "belgi-dev-chain.pem" // leaf, then root
	DevKeyFile   = "belgi-dev-key.pem"   // the leaf's private key
)

// oidDocumentSigning is the EKU id-kp-documentSigning (RFC 9336).
var oidDocumentSigning = asn1.ObjectIdentifier{1, 3, 6, 1, 5, 5, 7, 3, 36}

// DevSigner loads the development identity kept in dir, creating it the
// first time: a self-signed root "Belgi Development Root (NOT FOR
// PUBLICATION)" and a leaf it signs. It exists so that labeling works
// offline with no setup; validators will call it untrusted unless told
// to trust DevRootFile. Newsrooms sign with their own chain (LoadSigner).
func DevSigner(dir string) (Signer, error) {
	keyPEM, err := os.ReadFile(filepath.Join(dir, DevKeyFile))
	if errors.Is(err, fs.ErrNotExist) {
		if err := createDevIdentity(dir); err != nil {
			return Signer{}, err
		}
		keyPEM, err = os.ReadFile(filepath.Join(dir, DevKeyFile))
	}
	if err != nil {
		return Signer{}, fmt.Errorf("c2pa: development key: %w", err)
	}
	chainPEM, err := os.ReadFile(filepath.Join(dir, DevChainFile))
	if err != nil {
		return Signer{}, fmt.Errorf("c2pa: development chain: %w", err)
	}
	return LoadSigner(keyPEM, chainPEM)
}

// createDevIdentity writes the root, chain and key; the key file last,
// since its presence is what DevSigner takes to mean "already made".
func createDevIdentity(dir string) error {
	rootKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return err
	}
	leafKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return err
	}
	now := time.Now().Add(-time.Hour)
	root := &x509.Certificate{
		SerialNumber:          serial(),
		Subject:               pkix.Name{CommonName: "Belgi Development Root (NOT FOR PUBLICATION)", Organization: []string{"Belgi development"}},
		NotBefore:             now,
		NotAfter:              now.AddDate(10, 0, 0),
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
		BasicConstraintsValid: true,
		IsCA:                  true,
		MaxPathLenZero:        true,
	}
	rootDER, err := x509.CreateCertificate(rand.Reader, root, root, &rootKey.PublicKey, rootKey)
	if err != nil {
		return fmt.Errorf("c2pa: development root: %w", err)
	}
	root, _ = x509.ParseCertificate(rootDER)
	leafDER, err := x509.CreateCertificate(rand.Reader, devLeaf(now), root, &leafKey.PublicKey, rootKey)
	if err != nil {
		return fmt.Errorf("c2pa: development leaf: %w", err)
	}
	return writeDevFiles(dir, rootDER, leafDER, leafKey)
}

func devLeaf(now time.Time) *x509.Certificate {
	return &x509.Certificate{
		SerialNumber:          serial(),
		Subject:               pkix.Name{CommonName: "Belgi Development Signer (NOT FOR PUBLICATION)", Organization: []string{"Belgi development"}},
		NotBefore:             now,
		NotAfter:              now.AddDate(2, 0, 0),
		KeyUsage:              x509.KeyUsageDigitalSignature,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageEmailProtection},
		UnknownExtKeyUsage:    []asn1.ObjectIdentifier{oidDocumentSigning},
		BasicConstraintsValid: true,
	}
}

func serial() *big.Int {
	n, _ := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 120))
	return n.Add(n, big.NewInt(1))
}

func writeDevFiles(dir string, rootDER, leafDER []byte, key *ecdsa.PrivateKey) error {
	keyDER, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("c2pa: development identity: %w", err)
	}
	root := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: rootDER})
	leaf := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: leafDER})
	files := []struct {
		name string
		data []byte
		mode fs.FileMode
	}{
		{DevRootFile, root, 0o644},
		{DevChainFile, append(leaf, root...), 0o644},
		{DevKeyFile, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER}), 0o600},
	}
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(dir, f.name), f.data, f.mode); err != nil {
			return fmt.Errorf("c2pa: development identity: %w", err)
		}
	}
	return nil
}

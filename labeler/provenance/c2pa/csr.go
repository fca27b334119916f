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
	"os"
	"path/filepath"
)

// Files WriteCSR makes.
const (
	CSRKeyFile = "c2pa-signing-key.pem" // the new private key, mode 0600
	CSRFile    = "c2pa-signing.csr"     // the request to send to the CA
)

var (
	oidKeyUsage        = asn1.ObjectIdentifier{2, 5, 29, 15}
	oidExtKeyUsage     = asn1.ObjectIdentifier{2, 5, 29, 37}
	oidEmailProtection = asn1.ObjectIdentifier{1, 3, 6, 1, 5, 5, 7, 3, 4}
)

// NewCSR makes an ES256 (P-256) key and a certificate signing request
// for subject asking for what C2PA wants of a signing certificate: key
// usage digitalSignature (critical) and the extended key usages
// emailProtection and documentSigning. Both come back PEM-encoded.
func NewCSR(subject pkix.Name, email string) (keyPEM, csrPEM []byte, err error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, nil, err
	}
	ku, _ := asn1.Marshal(asn1.BitString{Bytes: []byte{0x80}, BitLength: 1})
	eku, _ := asn1.Marshal([]asn1.ObjectIdentifier{oidEmailProtection, oidDocumentSigning})
	tmpl := &x509.CertificateRequest{
		Subject:            subject,
		SignatureAlgorithm: x509.ECDSAWithSHA256,
		ExtraExtensions: []pkix.Extension{
			{Id: oidKeyUsage, Critical: true, Value: ku},
			{Id: oidExtKeyUsage, Value: eku},
		},
	}
	if email != "" {
		tmpl.EmailAddresses = []string{email}
	}
	der, err := x509.CreateCertificateRequest(rand.Reader, tmpl, key)
	if err != nil {
		return nil, nil, fmt.Errorf("c2pa: signing request: %w", err)
	}
	keyDER, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return nil, nil, err
	}
	return pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER}),
		pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE REQUEST", Bytes: der}), nil
}

// WriteCSR makes a key and request (see NewCSR) in dir, as CSRKeyFile
// (readable by the owner only) and CSRFile. It never replaces a key that
// is already there: that key may be the one a CA has certified.
func WriteCSR(dir string, subject pkix.Name, email string) (keyPath, csrPath string, err error) {
	if subject.CommonName == "" {
		return "", "", errors.New("c2pa: the signing request needs a name (the newsroom's)")
	}
	keyPEM, csrPEM, err := NewCSR(subject, email)
	if err != nil {
		return "", "", err
	}
	keyPath, csrPath = filepath.Join(dir, CSRKeyFile), filepath.Join(dir, CSRFile)
	if err := writeNew(keyPath, keyPEM, 0o600); err != nil {
		return "", "", err
	}
	if err := os.WriteFile(csrPath, csrPEM, 0o644); err != nil {
		return "", "", fmt.Errorf("c2pa: %w", err)
	}
	return keyPath, csrPath, nil
}

// writeNew creates path with mode, failing if it exists.
func writeNew(path string, data []byte, mode os.FileMode) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, mode)
	if err != nil {
		return fmt.Errorf("c2pa: %w", err)
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

package c2pa

import (
	"crypto/x509"
	"encoding/asn1"
	"errors"
	"fmt"
	"os"
	"time"
)

// Trust is a validator's trust list: the certificates (roots or
// intermediates) a signer's chain must lead to for its manifest to be
// Trusted rather than only Valid. The zero Trust trusts nobody, which is
// what the reference implementation does when given no anchors.
type Trust struct {
	anchors []*x509.Certificate
}

// ParseTrust reads PEM certificates; a file without any is an error.
func ParseTrust(pemData []byte) (*Trust, error) {
	anchors, err := pemCerts(pemData)
	if err != nil {
		return nil, fmt.Errorf("c2pa: trust anchors: %w", err)
	}
	t := &Trust{anchors: anchors}
	if len(t.anchors) == 0 {
		return nil, errors.New("c2pa: trust anchors: no PEM certificate found")
	}
	return t, nil
}

// LoadTrust reads a PEM file of trust anchors; "" is the empty list.
func LoadTrust(path string) (*Trust, error) {
	if path == "" {
		return &Trust{}, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("c2pa: trust anchors: %w", err)
	}
	return ParseTrust(b)
}

// Len is the number of anchors.
func (t *Trust) Len() int {
	if t == nil {
		return 0
	}
	return len(t.anchors)
}

// Extended key usages a C2PA signer may have (c2pa-rs's default list):
// e-mail protection, document signing, time stamping, OCSP signing,
// Microsoft's and C2PA's own claim signing.
var (
	oidMSC2PA      = asn1.ObjectIdentifier{1, 3, 6, 1, 4, 1, 311, 76, 59, 1, 9}
	oidC2PASigning = asn1.ObjectIdentifier{1, 3, 6, 1, 4, 1, 62558, 2, 1}
)

// allowedEKU reports whether the certificate has one EKU C2PA accepts.
func allowedEKU(c *x509.Certificate) bool {
	for _, u := range c.ExtKeyUsage {
		if u == x509.ExtKeyUsageEmailProtection || u == x509.ExtKeyUsageTimeStamping || u == x509.ExtKeyUsageOCSPSigning {
			return true
		}
	}
	for _, o := range c.UnknownExtKeyUsage {
		if o.Equal(oidDocumentSigning) || o.Equal(oidMSC2PA) || o.Equal(oidC2PASigning) {
			return true
		}
	}
	return false
}

// profileProblem checks a signer's certificate against the C2PA
// certificate profile at the signing time: "" when it passes, else the
// status code and why.
func profileProblem(c *x509.Certificate, at time.Time) (code, why string) {
	switch {
	case c.Version != 3:
		return "signingCredential.invalid", "certificate version is not 3"
	case at.Before(c.NotBefore) || at.After(c.NotAfter):
		return "signingCredential.expired", "certificate not valid at " + at.UTC().Format(time.RFC3339)
	case !allowedSignatureAlgorithm(c.SignatureAlgorithm):
		return "signingCredential.invalid", "certificate signed with " + c.SignatureAlgorithm.String()
	case c.IsCA:
		return "signingCredential.invalid", "signer's certificate is a CA"
	case ekuProblem(c) != "":
		return "signingCredential.invalid", ekuProblem(c)
	case len(c.AuthorityKeyId) == 0:
		return "signingCredential.invalid", "certificate has no authority key identifier"
	case c.KeyUsage&(x509.KeyUsageDigitalSignature|x509.KeyUsageContentCommitment) == 0:
		return "signingCredential.invalid", "certificate lacks key usage digitalSignature"
	}
	return "", ""
}

func ekuProblem(c *x509.Certificate) string {
	for _, u := range c.ExtKeyUsage {
		if u == x509.ExtKeyUsageAny {
			return "certificate allows any extended key usage"
		}
	}
	if (len(c.ExtKeyUsage) > 0 || len(c.UnknownExtKeyUsage) > 0) && !allowedEKU(c) {
		return "certificate has no extended key usage C2PA allows"
	}
	if len(c.ExtKeyUsage) == 0 && len(c.UnknownExtKeyUsage) == 0 {
		return "certificate has no extended key usage"
	}
	return ""
}

func allowedSignatureAlgorithm(a x509.SignatureAlgorithm) bool {
	switch a {
	case x509.SHA256WithRSA, x509.SHA384WithRSA, x509.SHA512WithRSA,
		x509.ECDSAWithSHA256, x509.ECDSAWithSHA384, x509.ECDSAWithSHA512,
		x509.SHA256WithRSAPSS, x509.SHA384WithRSAPSS, x509.SHA512WithRSAPSS, x509.PureEd25519:
		return true
	}
	return false
}

// trusted reports whether chain (leaf first) leads to an anchor: each
// certificate signed by the next, and one of them issued by an anchor.
// With a time (from a trusted time-stamp) every certificate on the way
// must have been valid then.
func (t *Trust) trusted(chain []*x509.Certificate, at *time.Time) bool {
	if t.Len() == 0 || len(chain) == 0 || !allowedEKU(chain[0]) {
		return false
	}
	for i := 1; i < len(chain); i++ {
		if signedBy(chain[i-1], chain[i]) != nil {
			return false
		}
	}
	for i := len(chain) - 1; i >= 0; i-- {
		c := chain[i]
		if at != nil && (at.Before(c.NotBefore) || at.After(c.NotAfter)) {
			return false
		}
		for _, a := range t.anchors {
			if string(c.RawIssuer) == string(a.RawSubject) && signedBy(c, a) == nil {
				return true
			}
		}
	}
	return false
}

// signedBy checks c's signature with issuer's key, whatever the
// issuer's own extensions say (trust anchors need not be CAs).
func signedBy(c, issuer *x509.Certificate) error {
	if issuer.PublicKey == nil {
		return errors.New("issuer key unreadable")
	}
	return issuer.CheckSignature(c.SignatureAlgorithm, c.RawTBSCertificate, c.Signature)
}

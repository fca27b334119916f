package c2pa

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/x509"
	"encoding/asn1"
	"errors"
	"fmt"
	"math/big"
)

// CMS (RFC 5652) as far as verifying a time-stamp token needs it: the
// signer's certificate, its signed attributes and their signature.
type cmsSignerInfo struct {
	Version            int
	SID                asn1.RawValue
	DigestAlgorithm    algorithmIdentifier
	SignedAttrs        asn1.RawValue `asn1:"optional,tag:0"`
	SignatureAlgorithm algorithmIdentifier
	Signature          []byte
	UnsignedAttrs      asn1.RawValue `asn1:"optional,tag:1"`
}

type cmsIssuerSerial struct {
	Issuer asn1.RawValue
	Serial *big.Int
}

type cmsAttribute struct {
	Type   asn1.ObjectIdentifier
	Values asn1.RawValue
}

var (
	oidMessageDigest = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 4}
	oidRSAPSS        = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 10}
	digestByOID      = map[string]crypto.Hash{
		"2.16.840.1.101.3.4.2.1": crypto.SHA256,
		"2.16.840.1.101.3.4.2.2": crypto.SHA384,
		"2.16.840.1.101.3.4.2.3": crypto.SHA512,
		"1.3.14.3.2.26":          crypto.SHA1,
	}
)

// token is a parsed RFC 3161 time-stamp token.
type token struct {
	info   tstInfo
	econt  []byte
	certs  []*x509.Certificate
	signer cmsSignerInfo
}

// parseToken reads a time-stamp token's CMS structure and TSTInfo.
func parseToken(der []byte) (*token, error) {
	var ci contentInfo
	if _, err := asn1.Unmarshal(der, &ci); err != nil {
		// Early C2PA writers stored the whole TimeStampResp.
		tok, rerr := tokenFromResponse(der)
		if rerr != nil {
			return nil, err
		}
		if _, err := asn1.Unmarshal(tok, &ci); err != nil {
			return nil, err
		}
	}
	var sd signedData
	if _, err := asn1.Unmarshal(ci.Content.Bytes, &sd); err != nil {
		return nil, err
	}
	t := &token{econt: sd.EncapContentInfo.EContent}
	if _, err := asn1.Unmarshal(t.econt, &t.info); err != nil {
		return nil, err
	}
	if len(sd.Certificates.Bytes) > 0 {
		certs, err := parseCerts(sd.Certificates.Bytes)
		if err != nil {
			return nil, err
		}
		t.certs = certs
	}
	if _, err := asn1.Unmarshal(sd.SignerInfos.Bytes, &t.signer); err != nil {
		return nil, err
	}
	return t, nil
}

// signerCert finds the certificate the token's signer names.
func (t *token) signerCert() (*x509.Certificate, error) {
	sid := t.signer.SID
	if sid.Class == asn1.ClassContextSpecific && sid.Tag == 0 { // subjectKeyIdentifier
		for _, c := range t.certs {
			if bytes.Equal(c.SubjectKeyId, sid.Bytes) {
				return c, nil
			}
		}
		return nil, errors.New("signer certificate not in the token")
	}
	var is cmsIssuerSerial
	if _, err := asn1.Unmarshal(sid.FullBytes, &is); err != nil {
		return nil, err
	}
	for _, c := range t.certs {
		if c.SerialNumber.Cmp(is.Serial) == 0 && bytes.Equal(c.RawIssuer, is.Issuer.FullBytes) {
			return c, nil
		}
	}
	return nil, errors.New("signer certificate not in the token")
}

// verify checks the token's signature: the signed attributes carry the
// digest of the TSTInfo and are signed by cert's key.
func (t *token) verify(cert *x509.Certificate) error {
	h, ok := digestByOID[t.signer.DigestAlgorithm.Algorithm.String()]
	if !ok {
		return fmt.Errorf("digest %v not supported", t.signer.DigestAlgorithm.Algorithm)
	}
	attrs := t.signer.SignedAttrs
	if len(attrs.FullBytes) == 0 {
		return errors.New("token without signed attributes")
	}
	md, err := messageDigest(attrs.Bytes)
	if err != nil {
		return err
	}
	if !bytes.Equal(md, digest(h, t.econt)) {
		return errors.New("token's message digest does not match its content")
	}
	signed := append([]byte{0x31}, attrs.FullBytes[1:]...) // signed as a SET, not [0]
	return verifyRaw(cert.PublicKey, h, digest(h, signed), t.signer.Signature, t.signer.SignatureAlgorithm.Algorithm.Equal(oidRSAPSS))
}

func messageDigest(attrs []byte) ([]byte, error) {
	for rest := attrs; len(rest) > 0; {
		var a cmsAttribute
		var err error
		if rest, err = asn1.Unmarshal(rest, &a); err != nil {
			return nil, err
		}
		if a.Type.Equal(oidMessageDigest) {
			var md []byte
			if _, err := asn1.Unmarshal(a.Values.Bytes, &md); err != nil {
				return nil, err
			}
			return md, nil
		}
	}
	return nil, errors.New("token without a message digest")
}

func digest(h crypto.Hash, data []byte) []byte {
	w := h.New()
	w.Write(data)
	return w.Sum(nil)
}

// verifyRaw checks a signature over a digest with any key a TSA uses.
func verifyRaw(pub any, h crypto.Hash, sum, sig []byte, pss bool) error {
	switch k := pub.(type) {
	case *ecdsa.PublicKey:
		if !ecdsa.VerifyASN1(k, sum, sig) {
			return errors.New("ECDSA signature does not verify")
		}
		return nil
	case *rsa.PublicKey:
		if pss {
			return rsa.VerifyPSS(k, h, sum, sig, nil)
		}
		return rsa.VerifyPKCS1v15(k, h, sum, sig)
	case ed25519.PublicKey:
		return errors.New("Ed25519 time-stamp signatures are not supported")
	}
	return fmt.Errorf("key type %T not supported", pub)
}

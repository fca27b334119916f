package c2pa

import (
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"errors"
	"math/big"
	"time"
)

// parseCert parses a DER certificate. Go's parser refuses some that
// other validators accept (an underscore in a PrintableString name, as
// real time-stamp authorities have); those are read leniently, enough to
// check signatures, validity and chains.
func parseCert(der []byte) (*x509.Certificate, error) {
	c, err := x509.ParseCertificate(der)
	if err == nil {
		return c, nil
	}
	if lc, lerr := parseCertLenient(der); lerr == nil {
		return lc, nil
	}
	return nil, err
}

// parseCerts parses concatenated DER certificates, leniently each.
func parseCerts(der []byte) ([]*x509.Certificate, error) {
	var out []*x509.Certificate
	for rest := der; len(rest) > 0; {
		var raw asn1.RawValue
		var err error
		if rest, err = asn1.Unmarshal(rest, &raw); err != nil {
			return nil, err
		}
		c, err := parseCert(raw.FullBytes)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

type lenientCert struct {
	TBS       asn1.RawValue
	Algorithm pkix.AlgorithmIdentifier
	Signature asn1.BitString
}

type lenientTBS struct {
	Version   int `asn1:"optional,explicit,default:0,tag:0"`
	Serial    *big.Int
	Algorithm pkix.AlgorithmIdentifier
	Issuer    asn1.RawValue
	Validity  struct{ NotBefore, NotAfter time.Time }
	Subject   asn1.RawValue
	SPKI      asn1.RawValue
}

// parseCertLenient reads the fields validation needs without decoding
// names: serial, raw issuer and subject, validity, key, signature.
func parseCertLenient(der []byte) (*x509.Certificate, error) {
	var lc lenientCert
	if _, err := asn1.Unmarshal(der, &lc); err != nil {
		return nil, err
	}
	var tbs lenientTBS
	if _, err := asn1.Unmarshal(lc.TBS.FullBytes, &tbs); err != nil {
		return nil, err
	}
	key, err := x509.ParsePKIXPublicKey(tbs.SPKI.FullBytes)
	if err != nil {
		return nil, err
	}
	alg, ok := sigAlgorithms[lc.Algorithm.Algorithm.String()]
	if !ok {
		return nil, errors.New("certificate signature algorithm not supported")
	}
	c := &x509.Certificate{
		Raw: der, RawTBSCertificate: lc.TBS.FullBytes, RawIssuer: tbs.Issuer.FullBytes, RawSubject: tbs.Subject.FullBytes,
		RawSubjectPublicKeyInfo: tbs.SPKI.FullBytes, SerialNumber: tbs.Serial, Version: tbs.Version + 1,
		NotBefore: tbs.Validity.NotBefore, NotAfter: tbs.Validity.NotAfter, PublicKey: key,
		Signature: lc.Signature.RightAlign(), SignatureAlgorithm: alg,
	}
	c.Subject, c.Issuer = lenientName(tbs.Subject.FullBytes), lenientName(tbs.Issuer.FullBytes)
	return c, nil
}

// lenientName reads the common name and organisations of a name whose
// strings Go's parser refuses.
func lenientName(der []byte) pkix.Name {
	var rdns []asn1.RawValue
	var n pkix.Name
	if _, err := asn1.Unmarshal(der, &rdns); err != nil {
		return n
	}
	for _, set := range rdns {
		var atvs []struct {
			Type  asn1.ObjectIdentifier
			Value asn1.RawValue
		}
		if _, err := asn1.UnmarshalWithParams(set.FullBytes, &atvs, "set"); err != nil {
			continue
		}
		for _, a := range atvs {
			switch a.Type.String() {
			case "2.5.4.3":
				n.CommonName = string(a.Value.Bytes)
			case "2.5.4.10":
				n.Organization = append(n.Organization, string(a.Value.Bytes))
			}
		}
	}
	return n
}

var sigAlgorithms = map[string]x509.SignatureAlgorithm{
	"1.2.840.113549.1.1.11": x509.SHA256WithRSA,
	"1.2.840.113549.1.1.12": x509.SHA384WithRSA,
	"1.2.840.113549.1.1.13": x509.SHA512WithRSA,
	"1.2.840.10045.4.3.2":   x509.ECDSAWithSHA256,
	"1.2.840.10045.4.3.3":   x509.ECDSAWithSHA384,
	"1.2.840.10045.4.3.4":   x509.ECDSAWithSHA512,
	"1.3.101.112":           x509.PureEd25519,
}

package c2pa

import (
	"crypto/x509"
	"encoding/asn1"
	"errors"

	"github.com/veraison/go-cose"
)

// Status is one validation result: a status code as the C2PA
// specification names it, and the JUMBF URI of the box it is about.
type Status struct {
	Code        string `cbor:"code" json:"code"`
	URL         string `cbor:"url,omitempty" json:"url,omitempty"`
	Explanation string `cbor:"explanation,omitempty" json:"explanation,omitempty"`
}

// Results groups statuses the way C2PA validation results do.
type Results struct {
	Success       []Status `cbor:"success" json:"success"`
	Informational []Status `cbor:"informational" json:"informational"`
	Failure       []Status `cbor:"failure" json:"failure"`
}

// Valid reports whether nothing failed but, perhaps, the signer's trust:
// C2PA's "valid" (not "trusted") manifest.
func (r Results) Valid() bool {
	for _, s := range r.Failure {
		if s.Code != "signingCredential.untrusted" {
			return false
		}
	}
	return true
}

// Codes lists every code, successes first, for messages and tests.
func (r Results) Codes() []string {
	var out []string
	for _, l := range [][]Status{r.Success, r.Informational, r.Failure} {
		for _, s := range l {
			out = append(out, s.Code)
		}
	}
	return out
}

// VerifySignature checks a C2PA claim signature (a COSE_Sign1 with the
// claim as detached payload) with the key of the first certificate of
// its x5chain, which it returns. Chain and trust are not checked here.
func VerifySignature(sig, claim []byte) (*x509.Certificate, error) {
	var msg cose.Sign1Message
	if err := msg.UnmarshalCBOR(sig); err != nil {
		var u cose.UntaggedSign1Message
		if uerr := u.UnmarshalCBOR(sig); uerr != nil {
			return nil, err
		}
		msg = cose.Sign1Message(u)
	}
	chain, err := x5chainOf(msg.Headers)
	if err != nil {
		return nil, err
	}
	alg, err := msg.Headers.Protected.Algorithm()
	if err != nil {
		return nil, err
	}
	v, err := cose.NewVerifier(alg, publicKey(chain[0]))
	if err != nil {
		return nil, err
	}
	msg.Payload = claim
	return chain[0], msg.Verify(nil, v)
}

// x5chainOf reads the signer's chain from the protected header (C2PA
// 2.x) or, for older manifests, the unprotected one.
func x5chainOf(h cose.Headers) ([]*x509.Certificate, error) {
	var v any
	ok := false
	for _, m := range []map[any]any{h.Protected, h.Unprotected} {
		for _, label := range []any{cose.HeaderLabelX5Chain, "x5chain"} { // early C2PA used the name
			if x, found := m[label]; found && !ok {
				v, ok = x, true
			}
		}
	}
	if !ok {
		return nil, errors.New("signature has no x5chain")
	}
	var ders [][]byte
	switch x := v.(type) {
	case []byte:
		ders = [][]byte{x}
	case []any:
		for _, e := range x {
			if d, ok := e.([]byte); ok {
				ders = append(ders, d)
			}
		}
	}
	if len(ders) == 0 {
		return nil, errors.New("signature's x5chain is empty")
	}
	var chain []*x509.Certificate
	for _, d := range ders {
		c, err := parseCert(d)
		if err != nil {
			return nil, err
		}
		chain = append(chain, c)
	}
	return chain, nil
}

// publicKey is a certificate's key, also for RSASSA-PSS keys, which Go's
// x509 leaves unparsed although their bits are a plain PKCS #1 key.
func publicKey(c *x509.Certificate) any {
	if c.PublicKey != nil {
		return c.PublicKey
	}
	var spki struct {
		Algorithm asn1.RawValue
		Key       asn1.BitString
	}
	if _, err := asn1.Unmarshal(c.RawSubjectPublicKeyInfo, &spki); err != nil {
		return nil
	}
	k, err := x509.ParsePKCS1PublicKey(spki.Key.Bytes)
	if err != nil {
		return nil
	}
	return k
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

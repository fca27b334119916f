package c2pa

import (
	"bytes"
	"crypto/x509"
	"strings"
	"time"

	"github.com/fxamacker/cbor/v2"
)

// assertedTimes reads C2PA 2.x time-stamp assertions (c2pa.time-stamp):
// a later manifest may time-stamp the signatures of the manifests it
// uses, so that they stay valid after their certificates expire. Each
// token whose signature verifies and that covers the named manifest's
// signature gives that manifest its signing time. As in the reference
// implementation Belgi is tested against, the authority's trust is not
// required for these.
func (v *validator) assertedTimes() map[string]time.Time {
	out := map[string]time.Time{}
	for _, m := range v.store.order {
		for _, a := range m.assertions.kids {
			if baseLabel(a.label) != "c2pa.time-stamp" {
				continue
			}
			var tokens map[string][]byte
			if b, ok := a.cborContent(); !ok || cbor.Unmarshal(b, &tokens) != nil {
				continue
			}
			for label, tok := range tokens {
				if when, ok := v.tokenFor(label, tok); ok {
					out[label] = when
				}
			}
		}
	}
	return out
}

// tokenFor checks that tok time-stamps the signature of the manifest
// labeled label, and returns its time.
func (v *validator) tokenFor(label string, tok []byte) (time.Time, bool) {
	m := v.store.byName[strings.TrimPrefix(label, "self#jumbf=/c2pa/")]
	if m == nil {
		return time.Time{}, false
	}
	msg, err := parseSign1(m.sig)
	if err != nil {
		return time.Time{}, false
	}
	t, err := parseToken(tok)
	if err != nil {
		return time.Time{}, false
	}
	tsa, err := t.signerCert()
	if err != nil || t.verify(tsa) != nil || !validAt(tsa, t.info.GenTime) {
		return time.Time{}, false
	}
	h, ok := digestByOID[t.info.MessageImprint.HashAlgorithm.Algorithm.String()]
	if !ok || !bytes.Equal(digest(h, msg.Signature), t.info.MessageImprint.HashedMessage) {
		return time.Time{}, false
	}
	return t.info.GenTime, true
}

func validAt(c *x509.Certificate, t time.Time) bool {
	return !t.Before(c.NotBefore) && !t.After(c.NotAfter)
}

package c2pa

import (
	"bytes"
	"crypto/x509"
	"time"

	"github.com/fxamacker/cbor/v2"
	"github.com/veraison/go-cose"
)

// signed is what checking a claim's signature learned about its signer.
type signed struct {
	chain []*x509.Certificate
	// when: the time-stamp's time, if the claim has one that verifies;
	// stamped: that time-stamp is also trusted, so it stands for the
	// signing time (else the certificate must be valid now).
	when    time.Time
	stamped bool
	valid   bool // the COSE signature verifies
}

// parseSign1 reads a COSE_Sign1, tagged or not.
func parseSign1(b []byte) (*cose.Sign1Message, error) {
	var msg cose.Sign1Message
	if err := msg.UnmarshalCBOR(b); err != nil {
		var u cose.UntaggedSign1Message
		if uerr := u.UnmarshalCBOR(b); uerr != nil {
			return nil, err
		}
		msg = cose.Sign1Message(u)
	}
	return &msg, nil
}

// signature checks m's claim signature as C2PA section "Validate the
// Signature" asks: the algorithm, the certificate profile at signing
// time, trust, the time-stamp, and the signature itself.
func (v *validator) signature(m *manifest, usedAt time.Time) signed {
	var s signed
	url := m.uri(labelSignature)
	msg, err := parseSign1(m.sig)
	if err != nil {
		v.log.fail("claimSignature.mismatch", url, "signature is not a COSE_Sign1: "+err.Error())
		return s
	}
	alg, err := msg.Headers.Protected.Algorithm()
	if err != nil || !supportedAlg(alg) {
		v.log.fail("algorithm.unsupported", url, "unsupported or missing signing algorithm")
		return s
	}
	if s.chain, err = x5chainOf(msg.Headers); err != nil {
		v.log.fail("signingCredential.invalid", url, err.Error())
		return s
	}
	s.when, s.stamped = v.timestamp(msg, m.claimBytes, url, m.version < 2)
	if t, ok := v.times[m.label]; ok && !s.stamped {
		s.when, s.stamped = t, true
	}
	v.credential(s, url, usedAt)
	s.valid = verifySign1(msg, alg, s.chain[0], m.claimBytes) == nil
	if s.valid {
		v.log.ok("claimSignature.insideValidity", url, "")
		v.log.ok("claimSignature.validated", url, "")
	} else {
		v.log.fail("claimSignature.mismatch", url, "claim signature is not valid")
	}
	return s
}

func supportedAlg(a cose.Algorithm) bool {
	switch a {
	case cose.AlgorithmES256, cose.AlgorithmES384, cose.AlgorithmES512,
		cose.AlgorithmPS256, cose.AlgorithmPS384, cose.AlgorithmPS512, cose.AlgorithmEdDSA:
		return true
	}
	return false
}

// credential checks the signer's certificate profile and its trust.
func (v *validator) credential(s signed, url string, usedAt time.Time) {
	at := v.now
	if !usedAt.IsZero() {
		at = usedAt
	}
	var stampedAt *time.Time
	if s.stamped {
		at, stampedAt = s.when, &s.when
	}
	if code, why := profileProblem(s.chain[0], at); code != "" {
		v.log.fail(code, url, why)
	}
	if v.trust.trusted(s.chain, stampedAt) {
		v.log.ok("signingCredential.trusted", url, "")
	} else {
		v.log.fail("signingCredential.untrusted", url, "signing certificate untrusted")
	}
}

func verifySign1(msg *cose.Sign1Message, alg cose.Algorithm, leaf *x509.Certificate, claim []byte) error {
	key := publicKey(leaf)
	if key == nil {
		return errBoxf("signer's key unreadable")
	}
	vf, err := cose.NewVerifier(alg, key)
	if err != nil {
		return err
	}
	m := *msg
	m.Payload = claim
	return m.Verify(nil, vf)
}

// timestamp checks a claim's RFC 3161 time-stamp (sigTst2 over the
// signature, or the older sigTst over the claim): its time, and whether
// it verifies and is trusted (stamped). Its problems are informational,
// as C2PA makes them. The authority of a v1 claim's time-stamp is not
// held to the trust list (legacy), as the reference implementation does.
func (v *validator) timestamp(msg *cose.Sign1Message, claim []byte, url string, legacy bool) (time.Time, bool) {
	tok, payload := sigTimestamp(msg, claim)
	if tok == nil {
		return time.Time{}, false
	}
	t, err := parseToken(tok)
	if err != nil {
		v.log.note("timeStamp.malformed", url, err.Error())
		return time.Time{}, false
	}
	when := t.info.GenTime
	tsa, err := t.signerCert()
	if err == nil {
		err = t.verify(tsa)
	}
	if err != nil {
		v.log.note("timeStamp.untrusted", url, "time-stamp signature: "+err.Error())
		return when, false
	}
	if !validAt(tsa, when) {
		v.log.note("timeStamp.outsideValidity", url, "time-stamp signer outside of certificate validity")
		return when, false
	}
	h, ok := digestByOID[t.info.MessageImprint.HashAlgorithm.Algorithm.String()]
	data, err := countersignStructure(msg.Headers.RawProtected, payload)
	if !ok || err != nil || !bytes.Equal(digest(h, data), t.info.MessageImprint.HashedMessage) {
		v.log.note("timeStamp.mismatch", url, "time-stamp does not cover this signature")
		return when, false
	}
	v.log.ok("timeStamp.validated", url, "")
	if !legacy && !v.trust.trusted(tsaChain(tsa, t.certs), &when) {
		v.log.note("timeStamp.untrusted", url, "time-stamp authority untrusted")
		return when, false
	}
	v.log.ok("timeStamp.trusted", url, "")
	return when, true
}

// sigTimestamp finds the token and what it covers: the CBOR-encoded
// signature for sigTst2, the claim for sigTst.
func sigTimestamp(msg *cose.Sign1Message, claim []byte) (tok, payload []byte) {
	for _, h := range []struct {
		label string
		v2    bool
	}{{headerSigTst2, true}, {"sigTst", false}} {
		raw, ok := msg.Headers.Unprotected[h.label]
		if !ok {
			continue
		}
		b, err := cbor.Marshal(raw)
		var c tstContainer
		if err != nil || cbor.Unmarshal(b, &c) != nil || len(c.Tokens) == 0 {
			return nil, nil
		}
		payload = claim
		if h.v2 {
			payload, _ = cbor.Marshal(msg.Signature)
		}
		return c.Tokens[0].Val, payload
	}
	return nil, nil
}

// tsaChain orders the token's certificates from the TSA's own upward.
func tsaChain(leaf *x509.Certificate, certs []*x509.Certificate) []*x509.Certificate {
	chain := []*x509.Certificate{leaf}
	for len(chain) <= len(certs) {
		last := chain[len(chain)-1]
		next := (*x509.Certificate)(nil)
		for _, c := range certs {
			if c != last && string(last.RawIssuer) == string(c.RawSubject) && string(c.RawIssuer) != string(c.RawSubject) {
				next = c
			}
		}
		if next == nil {
			break
		}
		chain = append(chain, next)
	}
	return chain
}

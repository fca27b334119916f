package c2pa

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/asn1"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"time"

	"github.com/veraison/go-cose"
)

// TSA is an RFC 3161 time-stamp authority. Asking it is the only network
// use Belgi has, and only when the user configures one.
type TSA struct {
	URL string
	// Client sends the request; nil means a client with a 30 s timeout.
	Client *http.Client
}

var oidSHA256 = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 1}

// algorithmIdentifier, messageImprint, timeStampReq: RFC 3161 section 2.4.1.
type algorithmIdentifier struct {
	Algorithm  asn1.ObjectIdentifier
	Parameters asn1.RawValue `asn1:"optional"`
}

type messageImprint struct {
	HashAlgorithm algorithmIdentifier
	HashedMessage []byte
}

type timeStampReq struct {
	Version        int
	MessageImprint messageImprint
	Nonce          *big.Int `asn1:"optional"`
	CertReq        bool     `asn1:"optional"`
}

// countersign puts a v2 timestamp over msg's signature into its
// unprotected header.
func (t *TSA) countersign(ctx context.Context, msg *cose.Sign1Message) error {
	data, err := countersignData(msg)
	if err != nil {
		return fmt.Errorf("c2pa: timestamp: %w", err)
	}
	tok, err := t.Token(ctx, data)
	if err != nil {
		return err
	}
	msg.Headers.Unprotected[headerSigTst2] = tstContainer{Tokens: []tstToken{{Val: tok}}}
	return nil
}

// Token asks the authority to timestamp SHA-256(data) and returns the
// TimeStampToken (a CMS ContentInfo), after checking that it covers data.
func (t *TSA) Token(ctx context.Context, data []byte) ([]byte, error) {
	sum := sha256.Sum256(data)
	nonce, _ := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 62))
	req, err := asn1.Marshal(timeStampReq{
		Version:        1,
		MessageImprint: messageImprint{HashAlgorithm: algorithmIdentifier{Algorithm: oidSHA256, Parameters: asn1.NullRawValue}, HashedMessage: sum[:]},
		Nonce:          nonce,
		CertReq:        true,
	})
	if err != nil {
		return nil, fmt.Errorf("c2pa: timestamp request: %w", err)
	}
	resp, err := t.post(ctx, req)
	if err != nil {
		return nil, err
	}
	tok, err := tokenFromResponse(resp)
	if err != nil {
		return nil, err
	}
	info, err := ParseTimestamp(tok)
	if err != nil {
		return nil, err
	}
	if !bytes.Equal(info.Imprint, sum[:]) || (info.Nonce != nil && info.Nonce.Cmp(nonce) != 0) {
		return nil, errors.New("c2pa: the time-stamp authority answered for other data")
	}
	return tok, nil
}

func (t *TSA) post(ctx context.Context, body []byte) ([]byte, error) {
	c := t.Client
	if c == nil {
		c = &http.Client{Timeout: 30 * time.Second}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, t.URL, bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("c2pa: time-stamp authority: %w", err)
	}
	req.Header.Set("Content-Type", "application/timestamp-query")
	res, err := c.Do(req)
	if err != nil {
		return nil, fmt.Errorf("c2pa: time-stamp authority: %w", err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(io.LimitReader(res.Body, 1<<20))
	if err != nil {
		return nil, fmt.Errorf("c2pa: time-stamp authority: %w", err)
	}
	if res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("c2pa: time-stamp authority answered %s", res.Status)
	}
	return b, nil
}

// tokenFromResponse checks a TimeStampResp's status (granted, or granted
// with mods) and returns its token.
func tokenFromResponse(resp []byte) ([]byte, error) {
	var outer asn1.RawValue
	if _, err := asn1.Unmarshal(resp, &outer); err != nil || outer.Tag != asn1.TagSequence {
		return nil, errors.New("c2pa: time-stamp authority: not a TimeStampResp")
	}
	var status asn1.RawValue
	rest, err := asn1.Unmarshal(outer.Bytes, &status)
	if err != nil {
		return nil, fmt.Errorf("c2pa: time-stamp authority: %w", err)
	}
	var code int
	if _, err := asn1.Unmarshal(status.Bytes, &code); err != nil {
		return nil, fmt.Errorf("c2pa: time-stamp authority: status: %w", err)
	}
	if code != 0 && code != 1 {
		return nil, fmt.Errorf("c2pa: time-stamp authority refused the request (status %d)", code)
	}
	var tok asn1.RawValue
	if _, err := asn1.Unmarshal(rest, &tok); err != nil {
		return nil, errors.New("c2pa: time-stamp authority granted but sent no token")
	}
	return tok.FullBytes, nil
}

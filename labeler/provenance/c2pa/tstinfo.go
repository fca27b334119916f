package c2pa

import (
	"encoding/asn1"
	"fmt"
	"math/big"
	"time"
)

// CMS and RFC 3161 structures, as far as Belgi reads them: a token is a
// ContentInfo holding SignedData whose content is a TSTInfo.
type contentInfo struct {
	ContentType asn1.ObjectIdentifier
	Content     asn1.RawValue `asn1:"explicit,tag:0"`
}

type signedData struct {
	Version          int
	DigestAlgorithms asn1.RawValue
	EncapContentInfo encapContentInfo
	Certificates     asn1.RawValue `asn1:"optional,tag:0"`
	CRLs             asn1.RawValue `asn1:"optional,tag:1"`
	SignerInfos      asn1.RawValue
}

type encapContentInfo struct {
	EContentType asn1.ObjectIdentifier
	EContent     []byte `asn1:"explicit,optional,tag:0"`
}

type tstInfo struct {
	Version        int
	Policy         asn1.ObjectIdentifier
	MessageImprint messageImprint
	SerialNumber   *big.Int
	GenTime        time.Time     `asn1:"generalized"`
	Accuracy       asn1.RawValue `asn1:"optional"`
	Ordering       bool          `asn1:"optional"`
	Nonce          *big.Int      `asn1:"optional"`
	TSA            asn1.RawValue `asn1:"optional,explicit,tag:0"`
	Extensions     asn1.RawValue `asn1:"optional,tag:1"`
}

// Timestamp is what a time-stamp token says: when, over which SHA-256.
type Timestamp struct {
	Time    time.Time
	Imprint []byte
	Nonce   *big.Int
}

// ParseTimestamp reads the TSTInfo of an RFC 3161 time-stamp token. It
// does not check the authority's signature.
func ParseTimestamp(token []byte) (Timestamp, error) {
	var ci contentInfo
	if _, err := asn1.Unmarshal(token, &ci); err != nil {
		return Timestamp{}, fmt.Errorf("c2pa: time-stamp token: %w", err)
	}
	var sd signedData
	if _, err := asn1.Unmarshal(ci.Content.Bytes, &sd); err != nil {
		return Timestamp{}, fmt.Errorf("c2pa: time-stamp token: %w", err)
	}
	var info tstInfo
	if _, err := asn1.Unmarshal(sd.EncapContentInfo.EContent, &info); err != nil {
		return Timestamp{}, fmt.Errorf("c2pa: time-stamp token: %w", err)
	}
	if !info.MessageImprint.HashAlgorithm.Algorithm.Equal(oidSHA256) {
		return Timestamp{}, fmt.Errorf("c2pa: time-stamp token: hash %v, want SHA-256", info.MessageImprint.HashAlgorithm.Algorithm)
	}
	return Timestamp{Time: info.GenTime, Imprint: info.MessageImprint.HashedMessage, Nonce: info.Nonce}, nil
}

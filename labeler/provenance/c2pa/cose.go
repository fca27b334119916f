package c2pa

import (
	"context"
	"crypto/rand"
	"fmt"

	"github.com/fxamacker/cbor/v2"
	"github.com/veraison/go-cose"
)

// Unprotected header labels C2PA (and c2pa-rs) use.
const (
	headerPad     = "pad"     // zero bytes that fill a reserved size
	headerPad2    = "pad2"    // a second one, when one cannot hit the size exactly
	headerSigTst2 = "sigTst2" // C2PA 2.x timestamp over the signature
)

// coseSign wraps claim in a COSE_Sign1 with a detached payload, as C2PA
// stores the claim in its own box next to the signature. With timestamp
// and a TSA, an RFC 3161 token over the signature goes in the unprotected
// header as sigTst2 (C2PA 2.x "v2 timestamps").
func (s Signer) coseSign(ctx context.Context, claim []byte, timestamp bool) (*cose.Sign1Message, error) {
	cs, err := cose.NewSigner(cose.AlgorithmES256, s.Key)
	if err != nil {
		return nil, fmt.Errorf("c2pa: signer: %w", err)
	}
	msg := cose.NewSign1Message()
	msg.Headers.Protected.SetAlgorithm(cose.AlgorithmES256)
	msg.Headers.Protected[cose.HeaderLabelX5Chain] = s.x5chain()
	msg.Payload = claim
	if err := msg.Sign(rand.Reader, nil, cs); err != nil {
		return nil, fmt.Errorf("c2pa: sign claim: %w", err)
	}
	msg.Payload = nil
	if msg.Headers.RawProtected, err = msg.Headers.MarshalProtected(); err != nil {
		return nil, fmt.Errorf("c2pa: sign claim: %w", err)
	}
	if timestamp && s.TSA != nil {
		if err := s.TSA.countersign(ctx, msg); err != nil {
			return nil, err
		}
	}
	return msg, nil
}

// countersignData is what a v2 timestamp covers: COSE's
// CounterSignature structure over the CBOR-encoded signature bytes.
func countersignData(msg *cose.Sign1Message) ([]byte, error) {
	sig, err := cbor.Marshal(msg.Signature)
	if err != nil {
		return nil, err
	}
	return countersignStructure(msg.Headers.RawProtected, sig)
}

// countersignStructure is COSE's CounterSignature structure for a
// payload under the signature's protected header, with no external data.
func countersignStructure(protected, payload []byte) ([]byte, error) {
	return cbor.Marshal([]any{"CounterSignature", cbor.RawMessage(protected), []byte{}, payload})
}

// tstContainer is the sigTst2 value: {"tstTokens": [{"val": token}]}.
type tstContainer struct {
	Tokens []tstToken `cbor:"tstTokens"`
}

type tstToken struct {
	Val []byte `cbor:"val"`
}

// x5chain follows RFC 9360: one certificate as a byte string, several as
// an array.
func (s Signer) x5chain() any {
	if len(s.Chain) == 1 {
		return s.Chain[0].Raw
	}
	ders := make([][]byte, len(s.Chain))
	for i, c := range s.Chain {
		ders[i] = c.Raw
	}
	return ders
}

// marshalPadded encodes msg in exactly n bytes by adding zero padding to
// its unprotected header. A byte string's CBOR header grows at 24, 256
// and 65536 bytes, so some sizes cannot be hit with one pad entry; then
// a small second one takes up the step.
func marshalPadded(msg *cose.Sign1Message, n int) ([]byte, error) {
	base, err := msg.MarshalCBOR()
	if err != nil || len(base) == n {
		return base, err
	}
	for _, pad2 := range []int{-1, 0, 1, 2, 3} {
		if pad2 >= 0 {
			msg.Headers.Unprotected[headerPad2] = make([]byte, pad2)
		}
		if b, ok := fitPad(msg, n); ok {
			return b, nil
		}
	}
	return nil, fmt.Errorf("c2pa: cannot pad the signature to %d bytes (it has %d)", n, len(base))
}

// fitPad tries the pad lengths that could give n bytes.
func fitPad(msg *cose.Sign1Message, n int) ([]byte, bool) {
	delete(msg.Headers.Unprotected, headerPad)
	base, err := msg.MarshalCBOR()
	if err != nil {
		return nil, false
	}
	gap := n - len(base)
	for k := max(0, gap-12); k <= gap; k++ {
		msg.Headers.Unprotected[headerPad] = make([]byte, k)
		b, err := msg.MarshalCBOR()
		if err == nil && len(b) == n {
			return b, true
		}
	}
	delete(msg.Headers.Unprotected, headerPad)
	return nil, false
}

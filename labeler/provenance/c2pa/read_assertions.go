package c2pa

import (
	"bytes"
	"crypto/sha256"
	"strings"

	"github.com/fxamacker/cbor/v2"
)

// assertions reads the actions, counts ingredients and re-hashes the file.
func (f *Found) assertions(data []byte, store node) {
	for _, a := range store.kids {
		if a.typ != "jumb" {
			continue
		}
		b, ok := a.cborContent()
		if !ok {
			continue
		}
		label := baseLabel(a.label)
		switch {
		case label == "c2pa.actions" || label == "c2pa.actions.v2":
			f.actions(b)
		case label == "c2pa.ingredient" || strings.HasPrefix(label, "c2pa.ingredient.v"):
			f.Ingredients++
		case label == labelDataHash:
			f.HashChecked = true
			f.HashMatches = dataHashMatches(data, b)
		}
	}
}

// baseLabel drops the instance suffix C2PA puts on repeated assertions
// ("c2pa.ingredient.v3__1").
func baseLabel(l string) string {
	base, _, _ := strings.Cut(l, "__")
	return base
}

func (f *Found) actions(b []byte) {
	var a struct {
		Actions []struct {
			Action            string `cbor:"action"`
			DigitalSourceType string `cbor:"digitalSourceType"`
		} `cbor:"actions"`
	}
	if cbor.Unmarshal(b, &a) != nil {
		return
	}
	for _, x := range a.Actions {
		f.Actions = append(f.Actions, x.Action)
		if f.DigitalSourceType == "" {
			f.DigitalSourceType = x.DigitalSourceType
		}
	}
}

// dataHashMatches re-computes a c2pa.hash.data binding over data with
// its exclusions left out. Only SHA-256 is supported; anything else, or
// exclusions that do not fit the file, counts as a mismatch.
func dataHashMatches(data, b []byte) bool {
	var dh dataHash
	if cbor.Unmarshal(b, &dh) != nil || (dh.Alg != "" && dh.Alg != "sha256") {
		return false
	}
	h := sha256.New()
	p := 0
	for _, e := range dh.Exclusions {
		if e.Start < p || e.Length < 0 || e.Start+e.Length > len(data) {
			return false
		}
		h.Write(data[p:e.Start])
		p = e.Start + e.Length
	}
	h.Write(data[p:])
	return bytes.Equal(h.Sum(nil), dh.Hash)
}

package c2pa

import (
	"strings"

	"github.com/fxamacker/cbor/v2"
)

// assertions reads the actions and counts ingredients.
func (f *Found) assertions(store node) {
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

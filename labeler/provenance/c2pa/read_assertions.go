package c2pa

import "strings"

// baseLabel drops the instance suffix C2PA puts on repeated assertions
// ("c2pa.ingredient.v3__1").
func baseLabel(l string) string {
	base, _, _ := strings.Cut(l, "__")
	return base
}

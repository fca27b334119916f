package labeler

import "testing"

func TestParseVideoBadge(t *testing.T) {
	cases := []struct {
		in    string
		badge string
		secs  float64
		ok    bool
	}{
		{"all", BadgeAll, 5, true},
		{"start:3", BadgeStart, 3, true},
		{" START:2.5 ", BadgeStart, 2.5, true},
		{"start:", "", 0, false},
		{"start:NaN", "", 0, false},
		{"first:3", "", 0, false},
	}
	for _, c := range cases {
		v := defaultVideoSpec()
		err := v.ParseVideoBadge(c.in)
		if (err == nil) != c.ok || (c.ok && (v.BadgeMode != c.badge || v.BadgeSeconds != c.secs)) {
			t.Errorf("%q: %+v %v", c.in, v, err)
		}
	}
}

package labeler

import (
	"strings"
	"testing"
)

func TestVideoSpecValidate(t *testing.T) {
	cases := []struct {
		name    string
		profile string
		edit    func(*VideoSpec)
		wantErr string // "" for valid
	}{
		{"defaults", "kz", func(*VideoSpec) {}, ""},
		{"start 2s", "kz", func(v *VideoSpec) { v.Badge, v.BadgeSeconds = BadgeStart, 2 }, ""},
		{"start too short", "kz", func(v *VideoSpec) { v.Badge, v.BadgeSeconds = BadgeStart, 1.5 }, "at least 2 s"},
		{"in-strict wants all", "in-strict", func(v *VideoSpec) { v.Badge, v.BadgeSeconds = BadgeStart, 10 }, "every frame"},
		{"unknown badge", "kz", func(v *VideoSpec) { v.Badge = "sometimes" }, "video badge"},
		{"slate too long", "kz", func(v *VideoSpec) { v.Slate, v.SlateSeconds = true, 5 }, "2–3 s"},
		{"slate off ignores length", "kz", func(v *VideoSpec) { v.SlateSeconds = 9 }, ""},
		{"crf", "kz", func(v *VideoSpec) { v.CRF = 60 }, "CRF"},
		{"preset", "kz", func(v *VideoSpec) { v.Preset = "warp" }, "preset"},
		{"duck", "kz", func(v *VideoSpec) { v.Duck = -3 }, "dB"},
	}
	for _, c := range cases {
		v := defaultVideoSpec()
		c.edit(&v)
		err := v.validate(c.profile)
		switch {
		case c.wantErr == "" && err != nil:
			t.Errorf("%s: unexpected %v", c.name, err)
		case c.wantErr != "" && (err == nil || !strings.Contains(err.Error(), c.wantErr)):
			t.Errorf("%s: error %v, want one mentioning %q", c.name, err, c.wantErr)
		}
	}
}

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
		if (err == nil) != c.ok || (c.ok && (v.Badge != c.badge || v.BadgeSeconds != c.secs)) {
			t.Errorf("%q: %+v %v", c.in, v, err)
		}
	}
}

package officezip

import "testing"

// TestHasDTD: an old OpenOffice manifest names an external DTD and is
// read; an internal subset or an entity declaration, which entity
// attacks need and no office suite writes, is refused.
func TestHasDTD(t *testing.T) {
	for _, tc := range []struct {
		xml  string
		want bool
	}{
		{`<?xml version="1.0"?><a/>`, false},
		{`<?xml version="1.0"?><!DOCTYPE manifest:manifest PUBLIC "-//OpenOffice.org//DTD Manifest 1.0//EN" "Manifest.dtd"><manifest:manifest/>`, false},
		{`<!DOCTYPE x [<!ELEMENT x ANY>]><x/>`, true},
		{`<!DOCTYPE x SYSTEM "x.dtd" [ ]><x/>`, true},
		{`<x><!ENTITY a "b"></x>`, true},
		{`<!DOCTYPE x`, true}, // cut short: refused rather than guessed
	} {
		if got := HasDTD([]byte(tc.xml)); got != tc.want {
			t.Errorf("HasDTD(%q) = %v, want %v", tc.xml, got, tc.want)
		}
	}
}

// TestSafeName: names that would leave the folder they are unpacked to
// are refused.
func TestSafeName(t *testing.T) {
	for name, ok := range map[string]bool{
		"content.xml": true, "META-INF/manifest.xml": true, "Pictures/": true,
		"../evil": false, "/etc/passwd": false, `a\b`: false, "C:x": false, "a/../../b": false, "": false,
	} {
		if err := safeName(name); (err == nil) != ok {
			t.Errorf("safeName(%q) = %v, want ok %v", name, err, ok)
		}
	}
}

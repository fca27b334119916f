package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/labeler"
)

// The checked-in reference must be what the table says now.
func TestReferenceIsFresh(t *testing.T) {
	want, err := generate("../../labeler")
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../../docs/settings.md")
	if err != nil || !bytes.Equal(got, want) {
		t.Fatalf("docs/settings.md is stale (%v): run `go generate ./labeler/`", err)
	}
}

func TestReferenceNamesEverySetting(t *testing.T) {
	md, err := generate("../../labeler")
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range labeler.Settings() {
		if !strings.Contains(string(md), flagCell(st)) || (st.Pref != "" && !strings.Contains(string(md), "`"+st.Pref+"`")) {
			t.Errorf("the reference lacks %s or its preference key", st.Name)
		}
	}
	for _, want := range []string{"## Adding a setting", "`go generate ./labeler/`", "| `in-eci` (alias `in-strict`) |", "| `profile-min` |"} {
		if !strings.Contains(string(md), want) {
			t.Errorf("the reference lacks %q", want)
		}
	}
}

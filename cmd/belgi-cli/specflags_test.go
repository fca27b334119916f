package main

import (
	"flag"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/labeler"
)

// Every setting with a flag survives being typed on the command line.
func TestEverySettingRoundTripsThroughItsFlag(t *testing.T) {
	for _, st := range labeler.Settings() {
		if !st.HasFlag() {
			continue
		}
		want := labeler.DefaultSpec()
		if err := st.Value.Set(&want, st.Example()); err != nil {
			t.Fatal(err)
		}
		fs := flag.NewFlagSet("label", flag.ContinueOnError)
		sf := newSpecFlags(fs)
		arg := "-" + st.Name + "=" + st.FlagValue().Text(&want)
		if err := fs.Parse([]string{arg}); err != nil {
			t.Errorf("%s: %v", arg, err)
		} else if !reflect.DeepEqual(sf.spec, want) {
			t.Errorf("%s: spec\n%+v\nwant\n%+v", arg, sf.spec, want)
		}
	}
}

// The flags scripts used before the table keep their names.
func TestFlagNamesAreKept(t *testing.T) {
	fs := flag.NewFlagSet("label", flag.ContinueOnError)
	newSpecFlags(fs)
	for _, name := range strings.Fields(`out lang ai person position size margin opacity box-color auto-contrast
		badge profile overwrite relabel max-mp quality no-c2pa c2pa-key c2pa-chain text-kk text-ru text-en
		notice-end notice-every cue notice-clip notice-gap notice-fade notice-lufs video-badge slate
		slate-seconds video-spoken notice-track duck crf video-preset text-at-end pdf-pages cue-seconds`) {
		if fs.Lookup(name) == nil {
			t.Errorf("-%s is gone", name)
		}
	}
	for _, args := range [][]string{{"-person", "-badge=false"}, {"-video-badge", "start:3", "-lang", "EN, kk"}} {
		if err := fs.Parse(args); err != nil {
			t.Errorf("%v: %v", args, err)
		}
	}
}

func TestHelpListsEverySettingBySection(t *testing.T) {
	_, _, stderr := cli(t, "label", "-h")
	for _, st := range labeler.Settings() {
		if st.HasFlag() && !strings.Contains(stderr, "\n  -"+st.Name) {
			t.Errorf("label -h does not list -%s", st.Name)
		}
	}
	for _, want := range []string{"\nVideo:\n", "\nRun:\n", "-video-badge all|start:N|slate", "in-eci 5", "(default 5)", "(default \"kk,ru\")"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("label -h lacks %q", want)
		}
	}
}

func TestInvalidSettingsNameTheirFlags(t *testing.T) {
	code, _, stderr := cli(t, "label", "-size", "40", "-profile", "cn", "-video-badge", "start:1", "x.jpg")
	if code != exitUsage {
		t.Errorf("exit %d, want 2", code)
	}
	for _, want := range []string{"\n  -size 40: must be from 2 to 25 %\n", "\n  -video-badge start:1: must be at least 2 s\n"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr\n%s\nlacks %q", stderr, want)
		}
	}
}

func TestBadFlagValueIsAUsageError(t *testing.T) {
	fs := flag.NewFlagSet("label", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	newSpecFlags(fs)
	for _, arg := range []string{"-size=big", "-crf=1.5", "-person=maybe", "-video-badge=first:3"} {
		if err := fs.Parse([]string{arg}); err == nil {
			t.Errorf("%s was accepted", arg)
		}
	}
}

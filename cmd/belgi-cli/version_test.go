package main

import (
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/internal/libheif"
)

// TestVersionNamesTheHEIFDecoder: version says which decoder opens HEIC
// and AVIF, and, when it is the slow one, why and what to install.
func TestVersionNamesTheHEIFDecoder(t *testing.T) {
	code, out, _ := cli(t, "version")
	if code != exitOK || !strings.Contains(out, "HEIC and AVIF: the system's libheif 1.") {
		t.Fatalf("exit %d:\n%s(scripts/deps.sh media installs libheif1)", code, out)
	}
	t.Setenv(libheif.DisableEnv, "1")
	_, out, _ = cli(t, "version")
	if !strings.Contains(out, "the built-in decoder, slow") || !strings.Contains(out, libheif.DisableEnv+" is set") || !strings.Contains(out, "install libheif1") {
		t.Fatalf("without libheif:\n%s", out)
	}
}

package main

import (
	"fmt"
	"io"
	"runtime"

	"github.com/belgi-kz/belgi/internal/libheif"
	"github.com/belgi-kz/belgi/labeler"
)

func runVersion(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintf(stdout, "belgi-cli %s (%s, %s/%s)\n", labeler.Version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	fmt.Fprintf(stdout, "HEIC and AVIF: %s\n", heifDecoder())
	return exitOK
}

// heifDecoder names the HEIC/AVIF decoder in use, and how to get the
// faster one when it is missing.
func heifDecoder() string {
	if v, ok := libheif.Available(); ok {
		return "the system's libheif " + v
	}
	return fmt.Sprintf("the built-in decoder, slow: 2-3 s a photo (%v; install libheif1: about 4x faster)", libheif.Unavailable())
}

package main

import (
	"fmt"
	"io"
	"runtime"

	"github.com/belgi-kz/belgi/labeler"
)

func runVersion(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintf(stdout, "belgi-cli %s (%s, %s/%s)\n", labeler.Version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return exitOK
}

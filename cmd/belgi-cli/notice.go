package main

import (
	"fmt"
	"io"
)

// runNotice writes a spoken notice on its own; the audio kind fills it in.
func runNotice(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "belgi-cli notice: spoken notices are not available in this build yet")
	return exitFail
}

package libheif

import (
	"bufio"
	"fmt"
	"io"
	"os"
)

// init turns a process started by Decode into the decoder: it reads the
// file from stdin, writes the picture to stdout and exits, before the
// program's main runs. Any other process goes on untouched.
func init() {
	if os.Getenv(childEnv) == "" {
		return
	}
	if err := serve(os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(0)
}

// serve decodes one file from r and writes its picture to w.
func serve(r io.Reader, w io.Writer) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	lib, err := load()
	if err != nil {
		return err
	}
	out := bufio.NewWriterSize(w, 1<<20)
	if err := lib.decode(data, func(p picture) error { return writePicture(out, p) }); err != nil {
		return err
	}
	return out.Flush()
}

//go:build !((linux || darwin) && (amd64 || arm64))

package libheif

import "os/exec"

// library is absent where purego's calls or libheif's error struct are
// not known to work; the WebAssembly decoders serve there.
type library struct{}

func load() (*library, error) { return nil, ErrUnavailable }

func (*library) version() string { return "" }

func (*library) decode([]byte, func(picture) error) error { return ErrUnavailable }

func ownGroup(*exec.Cmd) {}

// Package libheif decodes HEIC and AVIF pictures with the system's libheif
// (libde265 and dav1d underneath), in a child process.
//
// Why: the decoders Belgi always has, libheif and libavif compiled to
// WebAssembly, take 2–3 s for a 12 MP iPhone photo; the native library
// takes about 0.6 s. But a native decoder fed untrusted files can crash,
// and a crash in-process would end the whole batch, which Belgi promises
// never happens. So the decode runs in a copy of the running program,
// started with an environment variable that makes this package's init
// serve one picture and exit. A crash, a hang or a missing library there
// costs one failed attempt, and the caller decides what to do instead.
//
// The child is the running executable itself (os.Executable), so the CLI,
// the app and test binaries all serve without their main knowing.
package libheif

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"
)

// childEnv makes a process started by Decode serve one picture.
const childEnv = "BELGI_LIBHEIF_CHILD"

// DisableEnv, set to any value, keeps Belgi from using the system
// library: for comparing the two decoders, and a way out should a
// system's libheif misbehave.
const DisableEnv = "BELGI_NO_LIBHEIF"

// timeout bounds one decode. A 100 MP picture decodes natively in a few
// seconds; a child still busy after this is stuck, not slow.
var timeout = 2 * time.Minute

// executable is the program the child runs: this one (tests swap in a
// child that crashes or hangs).
var executable = os.Executable

// magic opens the child's answer, so stray output can't pass for pixels.
const magic = "BLH1"

// Header flags.
const (
	flagAlpha         = 1 << 0
	flagPremultiplied = 1 << 1
)

// maxPixels bounds what the parent accepts from a child (libheif's own
// limit is lower): 4 bytes a pixel stays under 2 GB.
const maxPixels = 500_000_000

// ErrUnavailable says the system has no usable libheif; callers fall
// back without telling the user anything.
var ErrUnavailable = errors.New("libheif: the system library is not available")

// ErrCrashed marks a decode whose child died by a signal or was stopped
// for taking too long: the file may crash whatever reads it with libheif.
var ErrCrashed = errors.New("the decoder crashed or hung")

// Available reports whether the system's libheif can be loaded, and its
// version. Loading it is safe in the parent: only decoding files is not.
func Available() (version string, ok bool) {
	if Unavailable() != nil {
		return "", false
	}
	return probeOnce().version, true
}

// Unavailable says why the system's libheif is not used, or nil when it is.
func Unavailable() error {
	if _, off := os.LookupEnv(DisableEnv); off {
		return fmt.Errorf("%w: %s is set", ErrUnavailable, DisableEnv)
	}
	return probeOnce().err
}

var probeOnce = sync.OnceValue(func() probeResult {
	lib, err := load()
	if err != nil {
		return probeResult{err: err}
	}
	return probeResult{version: lib.version()}
})

type probeResult struct {
	version string
	err     error
}

// Decode decodes the primary picture of a HEIF or AVIF file, upright (the
// file's rotation, mirroring and crop applied), as 8-bit RGBA. It returns
// ErrUnavailable when the system has no libheif, an error wrapping
// ErrCrashed when the child died or hung on the file, and another error
// when libheif refused it.
func Decode(data []byte) (image.Image, error) {
	if _, ok := Available(); !ok {
		return nil, ErrUnavailable
	}
	exe, err := executable()
	if err != nil {
		return nil, fmt.Errorf("libheif: %w", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, exe)
	cmd.Env = append(os.Environ(), childEnv+"=1")
	cmd.Stdin = bytes.NewReader(data)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("libheif: %w", err)
	}
	cmd.WaitDelay = time.Second
	ownGroup(cmd)
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("libheif: starting the decoder: %w", err)
	}
	img, readErr := readPicture(bufio.NewReaderSize(out, 1<<16))
	if readErr != nil {
		// Drain so the child is not blocked on a full pipe while we wait.
		_, _ = io.Copy(io.Discard, out)
	}
	waitErr := cmd.Wait()
	switch {
	case ctx.Err() != nil:
		return nil, fmt.Errorf("libheif: %w: still busy after %v", ErrCrashed, timeout)
	case waitErr != nil && !cmd.ProcessState.Exited():
		return nil, fmt.Errorf("libheif: %w: %v%s", ErrCrashed, waitErr, childSays(stderr.String()))
	case waitErr != nil:
		return nil, fmt.Errorf("libheif: %v%s", waitErr, childSays(stderr.String()))
	case readErr != nil:
		return nil, fmt.Errorf("libheif: %w", readErr)
	}
	return img, nil
}

// childSays quotes the child's error message, if it left one.
func childSays(s string) string {
	if s = strings.TrimSpace(s); s == "" {
		return ""
	}
	return ": " + s
}

// readPicture reads the child's answer: magic, width, height, flags, then
// the rows of RGBA pixels.
func readPicture(r io.Reader) (image.Image, error) {
	var head [16]byte
	if _, err := io.ReadFull(r, head[:]); err != nil {
		return nil, fmt.Errorf("no picture from the decoder: %w", err)
	}
	if string(head[:4]) != magic {
		return nil, errors.New("the decoder's answer is garbled")
	}
	w := int(binary.LittleEndian.Uint32(head[4:]))
	h := int(binary.LittleEndian.Uint32(head[8:]))
	flags := binary.LittleEndian.Uint32(head[12:])
	if w <= 0 || h <= 0 || w*h > maxPixels {
		return nil, fmt.Errorf("the decoder gave a %d×%d picture", w, h)
	}
	pix := make([]byte, 4*w*h)
	if _, err := io.ReadFull(r, pix); err != nil {
		return nil, fmt.Errorf("the picture ends early: %w", err)
	}
	rect := image.Rect(0, 0, w, h)
	if flags&flagAlpha != 0 && flags&flagPremultiplied == 0 {
		return &image.NRGBA{Pix: pix, Stride: 4 * w, Rect: rect}, nil
	}
	return &image.RGBA{Pix: pix, Stride: 4 * w, Rect: rect}, nil
}

// writePicture is readPicture's other half, in the child.
func writePicture(w io.Writer, p picture) error {
	var head [16]byte
	copy(head[:], magic)
	binary.LittleEndian.PutUint32(head[4:], uint32(p.width))
	binary.LittleEndian.PutUint32(head[8:], uint32(p.height))
	var flags uint32
	if p.alpha {
		flags |= flagAlpha
	}
	if p.premultiplied {
		flags |= flagPremultiplied
	}
	binary.LittleEndian.PutUint32(head[12:], flags)
	if _, err := w.Write(head[:]); err != nil {
		return err
	}
	for y := range p.height {
		if _, err := w.Write(p.row(y)); err != nil {
			return err
		}
	}
	return nil
}

// picture is a decoded picture still in the library's memory.
type picture struct {
	width, height        int
	alpha, premultiplied bool
	row                  func(y int) []byte
}

package ffmpeg

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
)

// ErrMissing is wrapped by errors for programs that are not installed.
var ErrMissing = errors.New("program not installed")

// installHints says how to get each program on Debian/Ubuntu.
var installHints = map[string]string{
	"ffmpeg":    "sudo apt-get install ffmpeg",
	"ffprobe":   "sudo apt-get install ffmpeg",
	"espeak-ng": "sudo apt-get install espeak-ng",
	"pdftoppm":  "sudo apt-get install poppler-utils",
}

// Paths overrides where programs are looked for; a program missing from
// it is searched on PATH. Set it once at start-up (from a setting or an
// environment variable such as BELGI_FFMPEG), before any call.
var Paths = map[string]string{}

var lookMu sync.Mutex

// Find returns the path of a program, or an error that tells a person
// how to install it.
func Find(name string) (string, error) {
	lookMu.Lock()
	defer lookMu.Unlock()
	if p := Paths[name]; p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("%s: configured path %s: %w", name, p, ErrMissing)
		}
		return p, nil
	}
	if env := os.Getenv("BELGI_" + strings.ToUpper(strings.ReplaceAll(name, "-", "_"))); env != "" {
		return env, nil
	}
	p, err := exec.LookPath(name)
	if err != nil {
		hint := installHints[name]
		if hint == "" {
			hint = "install " + name
		}
		return "", fmt.Errorf("%s is needed for this file but is not installed (%w); install it with: %s", name, ErrMissing, hint)
	}
	return p, nil
}

// SafePath makes a file name safe to pass as an argument: a relative name
// that starts with "-" gets "./" in front so it cannot become an option.
func SafePath(p string) string {
	if strings.HasPrefix(p, "-") {
		return "." + string(filepath.Separator) + p
	}
	return p
}

// Run runs a program to completion and returns its standard output. On
// failure the error carries the last lines of standard error, which is
// where ffmpeg says what went wrong.
func Run(ctx context.Context, name string, args ...string) ([]byte, error) {
	var stdout bytes.Buffer
	if err := Pipe(ctx, nil, &stdout, name, args...); err != nil {
		return nil, err
	}
	return stdout.Bytes(), nil
}

// Pipe runs a program with stdin (may be nil) as its standard input and
// its standard output streamed to stdout (may be nil), so that hours of
// decoded audio never have to sit in memory or on disk. Errors are those
// of Run; an error returned by stdout's Write stops the program.
func Pipe(ctx context.Context, stdin io.Reader, stdout io.Writer, name string, args ...string) error {
	path, err := Find(name)
	if err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, path, args...)
	contain(cmd)
	stderr := &tailBuffer{max: 4096}
	cmd.Stdin, cmd.Stdout, cmd.Stderr = stdin, stdout, stderr
	if stdout == nil {
		cmd.Stdout = io.Discard
	}
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("%s failed: %w: %s", name, err, scrub(stderr.Tail(6), args))
	}
	return nil
}

// memAddr matches the object addresses ffmpeg puts in its log prefixes
// ("[matroska,webm @ 0x55a8fd372340]"), which differ on every run.
var memAddr = regexp.MustCompile(` @ 0x[0-9a-f]+\]`)

// scrub takes the file paths out of ffmpeg's messages: the core names the
// file a message is about once, in front, so "PATH: Invalid data found"
// becomes "Invalid data found", a path mentioned in passing becomes its
// base name, and the run-to-run addresses go.
func scrub(msg string, args []string) string {
	paths := slices.DeleteFunc(slices.Clone(args), func(a string) bool {
		return !strings.ContainsRune(a, filepath.Separator)
	})
	// Longer first, so that a path is not cut by a shorter one inside it.
	slices.SortFunc(paths, func(a, b string) int { return len(b) - len(a) })
	for _, p := range paths {
		msg = strings.ReplaceAll(msg, p+": ", "")
		msg = strings.ReplaceAll(msg, p, filepath.Base(p))
	}
	return memAddr.ReplaceAllString(msg, "]")
}

// tailBuffer keeps only the last max bytes written to it.
type tailBuffer struct {
	mu  sync.Mutex
	buf []byte
	max int
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, p...)
	if over := len(t.buf) - t.max; over > 0 {
		t.buf = append(t.buf[:0], t.buf[over:]...)
	}
	return len(p), nil
}

// Tail returns the last n non-empty lines, joined with " | ".
func (t *tailBuffer) Tail(n int) string {
	t.mu.Lock()
	defer t.mu.Unlock()
	var lines []string
	for _, l := range strings.Split(string(t.buf), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, " | ")
}

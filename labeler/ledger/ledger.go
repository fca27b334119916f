package ledger

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/belgi-kz/belgi/internal/flock"
)

// ErrIncomplete is wrapped by the error for a ledger whose last line was
// cut off (a crash or a full disk mid-write): appending would bury the
// damage, so the ledger is kept as it is and a new one must be started.
var ErrIncomplete = errors.New("its last line is incomplete")

// Ledger appends records to one ledger file. It is safe for concurrent
// use, and other Ledgers on the same file (other windows, other
// processes) may append at the same time: each append holds the file's
// lock while it reads the last line, continues the chain and syncs.
type Ledger struct {
	path string
	mu   sync.Mutex
	f    *os.File
}

// Open opens the ledger at path, creating it with its header line when
// it does not exist. It refuses a file that is not a ledger or whose last
// line is incomplete, so such problems show before a batch starts.
func Open(path string) (*Ledger, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("ledger %s: %w", path, err)
	}
	f, err := os.OpenFile(abs, os.O_RDWR|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		return nil, fmt.Errorf("ledger %s: %w", abs, err)
	}
	l := &Ledger{path: abs, f: f}
	if err := l.locked(func([]byte) error { return checkHeader(f) }); err != nil {
		f.Close()
		return nil, err
	}
	return l, nil
}

// Path is the ledger's absolute path.
func (l *Ledger) Path() string { return l.path }

// Append adds r as the next line: it sets its sequence number, the hash
// of the line before and, if zero, the time, and returns the record as
// written. The line is on disk when Append returns nil.
func (l *Ledger) Append(r Record) (Record, error) {
	err := l.locked(func(last []byte) error {
		var prev Record
		if err := json.Unmarshal(last, &prev); err != nil {
			return fmt.Errorf("its last line is not a record: %w", err)
		}
		r.Seq, r.Prev = prev.Seq+1, lineHash(last)
		if r.Time.IsZero() {
			r.Time = now()
		}
		return l.write(r)
	})
	return r, err
}

// Close closes the file; records already appended are on disk.
func (l *Ledger) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.f.Close()
}

// locked runs fn with the file locked and its last line read, writing
// the header first into an empty file.
func (l *Ledger) locked(fn func(last []byte) error) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if err := flock.Lock(l.f); err != nil {
		return fmt.Errorf("ledger %s: lock: %w", l.path, err)
	}
	defer flock.Unlock(l.f)
	last, err := lastLine(l.f)
	if err == nil && last == nil {
		last, err = l.start()
	}
	if err == nil {
		err = fn(last)
	}
	if err != nil {
		return fmt.Errorf("ledger %s: %w", l.path, err)
	}
	return nil
}

// start writes the header line of a new ledger and returns it.
func (l *Ledger) start() ([]byte, error) {
	if err := l.write(header(now())); err != nil {
		return nil, err
	}
	syncDir(filepath.Dir(l.path))
	return lastLine(l.f)
}

// write appends one sealed line in a single write and syncs it.
func (l *Ledger) write(r Record) error {
	line, err := seal(r)
	if err != nil {
		return err
	}
	if _, err := l.f.Write(line); err != nil {
		return err
	}
	return l.f.Sync()
}

// checkHeader refuses to continue a file that is not a Belgi ledger
// (such as a JSON Lines audit log from before the ledger) or that was
// written by a newer Belgi.
func checkHeader(f *os.File) error {
	buf := make([]byte, tailChunk)
	n, _ := f.ReadAt(buf, 0)
	first, _, _ := bytes.Cut(buf[:n], []byte("\n"))
	h, err := unseal(first)
	switch {
	case err != nil || !h.IsHeader() || h.Format != FormatName:
		return errors.New("it is not a Belgi ledger (its first line names no ledger format); name a new file")
	case h.Version > FormatVersion:
		return fmt.Errorf("it was written by a newer Belgi (ledger format %d; this one knows %d)", h.Version, FormatVersion)
	}
	return nil
}

// tailChunk is how much of the file's end is read at first to find the
// last line; a longer line makes lastLine read more.
const tailChunk = 16 << 10

// lastLine returns the file's last line without its newline, nil for an
// empty file, and ErrIncomplete when the file does not end in a newline.
func lastLine(f *os.File) ([]byte, error) {
	st, err := f.Stat()
	if err != nil || st.Size() == 0 {
		return nil, err
	}
	size := st.Size()
	for n := min(size, tailChunk); ; n = min(size, n*4) {
		buf := make([]byte, n)
		if _, err := f.ReadAt(buf, size-n); err != nil {
			return nil, err
		}
		if buf[n-1] != '\n' {
			return nil, ErrIncomplete
		}
		if i := bytes.LastIndexByte(buf[:n-1], '\n'); i >= 0 || n == size {
			return buf[i+1 : n-1], nil
		}
	}
}

// now is the time written into records: UTC, to the millisecond.
func now() time.Time { return time.Now().UTC().Truncate(time.Millisecond) }

// syncDir makes a new file's name durable; failing only weakens that.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

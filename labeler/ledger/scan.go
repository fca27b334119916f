package ledger

import (
	"bufio"
	"encoding/json"
	"errors"
	"io"
)

// line is one line of a ledger file as read.
type line struct {
	n        int    // 1-based
	raw      []byte // without the newline
	complete bool   // ended with a newline
}

// lines reads a ledger line by line with one line of look-ahead, which
// tells a swapped pair from a removed line.
type lines struct {
	r    *bufio.Reader
	n    int
	next *line
	err  error
}

func newLines(r io.Reader) *lines {
	l := &lines{r: bufio.NewReaderSize(r, 64<<10)}
	l.next = l.read()
	return l
}

// Next returns the next line, nil at the end (check Err).
func (l *lines) Next() *line {
	cur := l.next
	if cur != nil {
		l.next = l.read()
	}
	return cur
}

// Peek returns the line after the one Next returned last, or nil.
func (l *lines) Peek() *line { return l.next }

// Err is the first read error other than the end of the file.
func (l *lines) Err() error { return l.err }

func (l *lines) read() *line {
	if l.err != nil {
		return nil
	}
	b, err := l.r.ReadBytes('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		l.err = err
		return nil
	}
	if len(b) == 0 {
		return nil
	}
	l.n++
	if b[len(b)-1] == '\n' {
		return &line{n: l.n, raw: b[:len(b)-1], complete: true}
	}
	return &line{n: l.n, raw: b}
}

// seqOf reads a line's sequence number without checking anything else;
// ok is false when the line is not a JSON object with one.
func seqOf(ln *line) (int, bool) {
	if ln == nil {
		return 0, false
	}
	var r struct {
		Seq *int `json:"seq"`
	}
	if json.Unmarshal(ln.raw, &r) != nil || r.Seq == nil {
		return 0, false
	}
	return *r.Seq, true
}

package ledger

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/belgi-kz/belgi/internal/filehash"
)

// Problem is the first place a ledger's chain breaks.
type Problem struct {
	Line int    // 1-based line number
	What string // a sentence naming the line and what happened to it
}

func (p Problem) String() string { return p.What }

// Changed is an output whose bytes are no longer those recorded.
type Changed struct {
	Line     int    // the record's line
	Output   string // the file
	Recorded string // SHA-256 in the ledger
	Now      string // SHA-256 on disk
}

// Verification is what Verify found.
type Verification struct {
	Path     string
	Lines    int      // lines read
	Records  int      // file records that check out (the header excluded)
	Head     string   // sum of the last line that checks out: a checkpoint
	HeadLine int      // its line number
	Problem  *Problem // the first break in the chain; nil when intact
	// With Options.Outputs: recorded outputs checked, changed and gone.
	Checked int
	Changed []Changed
	Missing []string
}

// OK reports an intact chain with no output changed since it was labeled.
func (v Verification) OK() bool { return v.Problem == nil && len(v.Changed) == 0 }

// Options says what Verify checks besides the chain.
type Options struct {
	// Outputs re-hashes every labeled output still on disk (the latest
	// record for each) and reports those whose bytes changed.
	Outputs bool
	// Head, if set, is a head written down earlier (a sum, or at least
	// its first 12 characters): it must still be the sum of some line,
	// or the ledger was rewritten up to there.
	Head string
}

// Verify reads the ledger at path and checks its chain line by line. An
// error means the file could not be read at all.
func Verify(path string, opt Options) (Verification, error) {
	f, err := os.Open(path)
	if err != nil {
		return Verification{}, fmt.Errorf("ledger %s: %w", path, err)
	}
	defer f.Close()
	v, err := verify(f, opt)
	v.Path = path
	if err != nil {
		return v, fmt.Errorf("ledger %s: %w", path, err)
	}
	return v, nil
}

// verify checks a ledger read from r.
func verify(r io.Reader, opt Options) (Verification, error) {
	c := &chain{head: strings.ToLower(opt.Head), outputs: map[string]Changed{}}
	ls := newLines(r)
	for ln := ls.Next(); ln != nil; ln = ls.Next() {
		c.line(ln, ls.Peek())
	}
	if err := ls.Err(); err != nil {
		return c.v, err
	}
	c.finish()
	if opt.Outputs {
		c.checkOutputs()
	}
	return c.v, nil
}

// chain is Verify's state between lines.
type chain struct {
	v        Verification
	prevSeq  int
	prevHash string
	head     string
	headSeen bool
	outputs  map[string]Changed // output -> its latest record
	outOrder []string
}

// line checks one line; after the first problem it only collects outputs.
func (c *chain) line(ln, next *line) {
	c.v.Lines = ln.n
	rec, p := c.check(ln, next)
	if p != nil {
		if c.v.Problem == nil {
			c.v.Problem = p
		}
		return
	}
	if c.head != "" && len(c.head) >= 12 && strings.HasPrefix(rec.Sum, c.head) {
		c.headSeen = true
	}
	if c.v.Problem == nil {
		c.v.Head, c.v.HeadLine = rec.Sum, ln.n
		if !rec.IsHeader() {
			c.v.Records++
		}
	}
	c.prevSeq, c.prevHash = rec.Seq, lineHash(ln.raw)
	c.output(ln.n, rec)
}

// check returns the record on a line, or the problem that makes the line
// break the chain.
func (c *chain) check(ln, next *line) (Record, *Problem) {
	if !ln.complete {
		return Record{}, at(ln.n, "line %d is incomplete: the last record was cut off (truncated)", ln.n)
	}
	rec, err := unseal(ln.raw)
	switch {
	case errors.Is(err, errEdited):
		return rec, at(ln.n, "line %d was edited: its content no longer matches its checksum", ln.n)
	case err != nil:
		return rec, at(ln.n, "line %d is not a sealed ledger record (edited or damaged): %v", ln.n, err)
	case ln.n == 1:
		return rec, firstLine(rec)
	case rec.IsHeader():
		return rec, at(ln.n, "line %d is a second ledger header: another ledger was pasted in", ln.n)
	}
	return rec, c.order(ln, rec, next)
}

// at makes a Problem on line n.
func at(n int, format string, args ...any) *Problem {
	return &Problem{Line: n, What: fmt.Sprintf(format, args...)}
}

func firstLine(rec Record) *Problem {
	switch {
	case !rec.IsHeader() || rec.Format != FormatName:
		return at(1, "line 1 is not the ledger header: the first line was removed or replaced")
	case rec.Version > FormatVersion:
		return at(1, "line 1: the ledger was written by a newer Belgi (format %d)", rec.Version)
	}
	return nil
}

// order checks that a line is the record expected after the previous
// one, and that it names the previous line's hash.
func (c *chain) order(ln *line, rec Record, next *line) *Problem {
	want, n := c.prevSeq+1, ln.n
	switch {
	case rec.Seq > want:
		if s, ok := seqOf(next); ok && s == want {
			return at(n, "lines %d and %d are out of order: line %d holds record %d, which belongs after record %d on line %d",
				n, n+1, n, rec.Seq, want, n+1)
		}
		if rec.Seq == want+1 {
			return at(n, "line %d was removed: record %d is missing before line %d", n, want, n)
		}
		return at(n, "lines were removed: records %d to %d are missing before line %d", want, rec.Seq-1, n)
	case rec.Seq < want:
		return at(n, "line %d is out of order: it holds record %d after record %d (a line was copied or moved)", n, rec.Seq, c.prevSeq)
	case rec.Prev != c.prevHash:
		return at(n-1, "line %d was changed or replaced after line %d was written (line %d records a different hash of it), or a line between them was removed",
			n-1, n, n)
	}
	return nil
}

// finish reports an empty ledger and a head that is not found.
func (c *chain) finish() {
	switch {
	case c.v.Problem != nil:
	case c.v.Lines == 0:
		c.v.Problem = &Problem{Line: 1, What: "the ledger is empty: line 1, the header, is missing"}
	case c.head != "" && !c.headSeen:
		c.v.Problem = &Problem{Line: c.v.Lines, What: fmt.Sprintf("the head %s written down earlier is no line's checksum: the ledger was rewritten", c.head)}
	}
}

// output remembers the latest record of each labeled output.
func (c *chain) output(n int, rec Record) {
	if rec.Status != "ok" || rec.Output == "" || rec.OutputSHA256 == "" {
		return
	}
	if _, seen := c.outputs[rec.Output]; !seen {
		c.outOrder = append(c.outOrder, rec.Output)
	}
	c.outputs[rec.Output] = Changed{Line: n, Output: rec.Output, Recorded: rec.OutputSHA256}
}

// checkOutputs re-hashes the outputs still on disk.
func (c *chain) checkOutputs() {
	for _, out := range c.outOrder {
		ch := c.outputs[out]
		sum, err := filehash.SHA256(out)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			c.v.Missing = append(c.v.Missing, out)
			continue
		case err != nil:
			sum = "unreadable: " + err.Error()
		}
		c.v.Checked++
		if sum != ch.Recorded {
			ch.Now = sum
			c.v.Changed = append(c.v.Changed, ch)
		}
	}
}

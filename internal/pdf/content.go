package pdf

import (
	"bytes"
	"errors"
)

// op is one content-stream operator with its operands.
type op struct {
	name keyword
	args []Object
}

// maxOps bounds the operators read from one page's content.
const maxOps = 10_000_000

var errTooManyOps = errors.New("too many content-stream operators")

// eachOp calls visit for each operator in content until visit returns
// false. An inline image (BI … ID data EI) comes as one "BI" operator
// whose operand is its dictionary.
func eachOp(content []byte, visit func(op) bool) error {
	l := &lexer{b: content}
	var args []Object
	for n := 0; ; n++ {
		if n > maxOps {
			return errTooManyOps
		}
		o, err := l.object(0)
		if err == errEOF {
			return nil
		}
		if err != nil {
			return err
		}
		kw, isOp := o.(keyword)
		if !isOp {
			if _, isDelim := o.(delim); isDelim {
				return errors.New("unexpected delimiter in content")
			}
			args = append(args, o)
			continue
		}
		if kw == "BI" {
			d, err := l.inlineImage()
			if err != nil {
				return err
			}
			args = Array{d}
		}
		if !visit(op{name: kw, args: args}) {
			return nil
		}
		args = args[:0:0]
	}
}

// inlineImage reads an inline image's dictionary up to "ID" and skips
// its data up to an "EI" that stands alone between white space.
func (l *lexer) inlineImage() (Dict, error) {
	var d Dict
	for {
		k, err := l.object(1)
		if err != nil {
			return nil, err
		}
		if k == keyword("ID") {
			break
		}
		key, ok := k.(Name)
		if !ok {
			return nil, errors.New("bad inline image dictionary")
		}
		v, err := l.object(1)
		if err != nil {
			return nil, err
		}
		d = append(d, Entry{key, v})
	}
	l.pos++ // the single white-space byte after ID
	for from := l.pos; ; {
		i := bytes.Index(l.b[from:], []byte("EI"))
		if i < 0 {
			return nil, errors.New("inline image without EI")
		}
		at := from + i
		if at > 0 && isSpace(l.b[at-1]) && (at+2 == len(l.b) || isSpace(l.b[at+2]) || isDelim(l.b[at+2])) {
			l.pos = at + 2
			return d, nil
		}
		from = at + 2
	}
}

// pageContent returns a page's content streams, decoded and in order.
// A stream that cannot be decoded is an error: Belgi must not guess what
// a page draws.
func (f *File) pageContent(p Dict) ([][]byte, error) {
	return f.contentStreams(p, false)
}

// contentStreams is pageContent, optionally skipping streams that do not
// decode (to find Belgi's own stream among broken ones).
func (f *File) contentStreams(p Dict, skipBad bool) ([][]byte, error) {
	c := p.Get("Contents")
	list, ok := f.Resolve(c).(Array)
	if !ok {
		list = Array{c}
	}
	var out [][]byte
	for _, o := range list {
		s, ok := f.Resolve(o).(*Stream)
		if !ok {
			continue
		}
		data, err := decode(s.Dict, s.Raw, f)
		if err != nil && !skipBad {
			return nil, err
		}
		if err == nil {
			out = append(out, data)
		}
	}
	return out, nil
}

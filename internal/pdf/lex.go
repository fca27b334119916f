package pdf

import (
	"bytes"
	"errors"
	"strconv"
)

// keyword is a bare word that is not true, false or null: "obj", "R",
// "stream", or a content-stream operator such as "Tf".
type keyword string

// Delimiters as tokens.
type delim byte

// lexer reads PDF tokens from b starting at pos. It never panics on
// malformed input: every loop advances or stops at the end.
type lexer struct {
	b   []byte
	pos int
}

var errEOF = errors.New("unexpected end of data")

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// skipSpace skips white space and comments.
func (l *lexer) skipSpace() {
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		switch {
		case isSpace(c):
			l.pos++
		case c == '%':
			for l.pos < len(l.b) && l.b[l.pos] != '\n' && l.b[l.pos] != '\r' {
				l.pos++
			}
		default:
			return
		}
	}
}

// token returns the next token: a delim, keyword, Name, String, int64,
// float64, bool or nil (null). At the end it returns errEOF.
func (l *lexer) token() (Object, error) {
	l.skipSpace()
	if l.pos >= len(l.b) {
		return nil, errEOF
	}
	c := l.b[l.pos]
	switch {
	case c == '/':
		l.pos++
		return l.name(), nil
	case c == '(':
		l.pos++
		return l.literal()
	case c == '<' && l.peek(1) == '<', c == '>' && l.peek(1) == '>':
		l.pos += 2
		return delim(c), nil
	case c == '<':
		l.pos++
		return l.hex()
	case c == '[' || c == ']' || c == '{' || c == '}':
		l.pos++
		return delim(c), nil
	case c == ')' || c == '>':
		l.pos++
		return nil, errors.New("unbalanced " + string(c))
	}
	return l.word(), nil
}

func (l *lexer) peek(n int) byte {
	if l.pos+n < len(l.b) {
		return l.b[l.pos+n]
	}
	return 0
}

// word reads a run of regular characters: a number or a keyword.
func (l *lexer) word() Object {
	start := l.pos
	for l.pos < len(l.b) && !isSpace(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
		l.pos++
	}
	w := l.b[start:l.pos]
	switch string(w) {
	case "true":
		return true
	case "false":
		return false
	case "null":
		return nil
	}
	if n, ok := parseNumber(w); ok {
		return n
	}
	return keyword(w)
}

// parseNumber reads an integer or a real, tolerating what real files
// hold ("4.", ".5", "-.5", "--3" read as -3).
func parseNumber(w []byte) (Object, bool) {
	if len(w) == 0 || !(w[0] >= '0' && w[0] <= '9' || w[0] == '-' || w[0] == '+' || w[0] == '.') {
		return nil, false
	}
	for len(w) > 1 && (w[0] == '-' || w[0] == '+') && (w[1] == '-' || w[1] == '+') {
		w = w[1:]
	}
	if bytes.IndexByte(w, '.') < 0 {
		if v, err := strconv.ParseInt(string(w), 10, 64); err == nil {
			return v, true
		}
	}
	for _, c := range w[1:] {
		if !(c >= '0' && c <= '9' || c == '.') {
			return nil, false
		}
	}
	v, err := strconv.ParseFloat(string(w), 64)
	if err != nil {
		return nil, false
	}
	return v, true
}

func (l *lexer) name() Name {
	var out []byte
	for l.pos < len(l.b) && !isSpace(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
		c := l.b[l.pos]
		if c == '#' && l.pos+2 < len(l.b) && isHex(l.b[l.pos+1]) && isHex(l.b[l.pos+2]) {
			c = unhex(l.b[l.pos+1])<<4 | unhex(l.b[l.pos+2])
			l.pos += 2
		}
		out = append(out, c)
		l.pos++
	}
	return Name(out)
}

func isHex(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

func unhex(c byte) byte {
	switch {
	case c >= 'a':
		return c - 'a' + 10
	case c >= 'A':
		return c - 'A' + 10
	}
	return c - '0'
}

// literal reads a (string) after its "(".
func (l *lexer) literal() (Object, error) {
	var out []byte
	depth := 1
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return String{B: out}, nil
			}
		case '\\':
			out = l.escape(out)
			continue
		case '\r': // an end of line in a string reads as "\n"
			if l.pos < len(l.b) && l.b[l.pos] == '\n' {
				l.pos++
			}
			c = '\n'
		}
		out = append(out, c)
	}
	return nil, errEOF
}

var escapes = map[byte]byte{'n': '\n', 'r': '\r', 't': '\t', 'b': '\b', 'f': '\f'}

func (l *lexer) escape(out []byte) []byte {
	if l.pos >= len(l.b) {
		return out
	}
	c := l.b[l.pos]
	l.pos++
	switch {
	case escapes[c] != 0:
		return append(out, escapes[c])
	case c >= '0' && c <= '7':
		v := int(c - '0')
		for i := 0; i < 2 && l.pos < len(l.b) && l.b[l.pos] >= '0' && l.b[l.pos] <= '7'; i++ {
			v = v*8 + int(l.b[l.pos]-'0')
			l.pos++
		}
		return append(out, byte(v))
	case c == '\r': // a line continuation
		if l.pos < len(l.b) && l.b[l.pos] == '\n' {
			l.pos++
		}
		return out
	case c == '\n':
		return out
	}
	return append(out, c)
}

// hex reads a <hex string> after its "<".
func (l *lexer) hex() (Object, error) {
	var out []byte
	var half byte
	odd := false
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		switch {
		case c == '>':
			if odd {
				out = append(out, half<<4)
			}
			return String{B: out, Hex: true}, nil
		case isHex(c):
			if odd {
				out = append(out, half<<4|unhex(c))
			} else {
				half = unhex(c)
			}
			odd = !odd
		case !isSpace(c):
			return nil, errors.New("bad character in a hex string")
		}
	}
	return nil, errEOF
}

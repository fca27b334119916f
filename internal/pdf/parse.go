package pdf

import (
	"errors"
	"fmt"
)

// maxDepth bounds nesting of arrays and dictionaries: real files stay
// under ten; a hostile one would otherwise exhaust the stack.
const maxDepth = 100

// object reads one object. Keywords come back as keyword values, so a
// content-stream reader can see its operators.
func (l *lexer) object(depth int) (Object, error) {
	if depth > maxDepth {
		return nil, errors.New("objects nested too deeply")
	}
	t, err := l.token()
	if err != nil {
		return nil, err
	}
	switch v := t.(type) {
	case int64:
		return l.maybeRef(v), nil
	case delim:
		switch v {
		case '[':
			return l.array(depth)
		case '<':
			return l.dict(depth)
		}
		return v, nil
	}
	return t, nil
}

// maybeRef turns "n g R" into a Ref and leaves a lone integer alone.
func (l *lexer) maybeRef(n int64) Object {
	save := l.pos
	g, err := l.token()
	if gen, ok := g.(int64); ok && err == nil && n >= 0 && gen >= 0 && gen < 1<<16 && n < 1<<31 {
		if k, err := l.token(); err == nil && k == keyword("R") {
			return Ref{Num: int(n), Gen: int(gen)}
		}
	}
	l.pos = save
	return n
}

func (l *lexer) array(depth int) (Array, error) {
	a := Array{}
	for {
		o, err := l.object(depth + 1)
		if err != nil {
			return a, err
		}
		if o == delim(']') {
			return a, nil
		}
		if _, isDelim := o.(delim); isDelim {
			return a, fmt.Errorf("unexpected %q in an array", rune(o.(delim)))
		}
		a = append(a, o)
	}
}

func (l *lexer) dict(depth int) (Dict, error) {
	d := Dict{}
	for {
		k, err := l.object(depth + 1)
		if err != nil {
			return d, err
		}
		if k == delim('>') {
			return d, nil
		}
		key, ok := k.(Name)
		if !ok {
			return d, fmt.Errorf("a dictionary key is %T, not a name", k)
		}
		v, err := l.object(depth + 1)
		if err != nil {
			return d, err
		}
		if v == delim('>') { // "/Key >>": a key without a value reads as null
			return append(d, Entry{key, nil}), nil
		}
		if _, isDelim := v.(delim); isDelim {
			return d, fmt.Errorf("unexpected %q as the value of /%s", rune(v.(delim)), key)
		}
		d = append(d, Entry{key, v})
	}
}

// Parse reads a single object from b, for tests and fuzzing.
func Parse(b []byte) (Object, error) {
	l := &lexer{b: b}
	return l.object(0)
}

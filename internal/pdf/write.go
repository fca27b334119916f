package pdf

import (
	"encoding/hex"
	"math"
	"strconv"
)

// appendObject writes o in PDF syntax. Streams get a /Length that
// matches their bytes, whatever their dictionary said.
func appendObject(b []byte, o Object) []byte {
	switch v := o.(type) {
	case nil:
		return append(b, "null"...)
	case bool:
		return strconv.AppendBool(b, v)
	case int64:
		return strconv.AppendInt(b, v, 10)
	case int:
		return strconv.AppendInt(b, int64(v), 10)
	case float64:
		return appendReal(b, v)
	case Name:
		return appendName(b, v)
	case String:
		return appendString(b, v)
	case Ref:
		b = strconv.AppendInt(b, int64(v.Num), 10)
		b = append(b, ' ')
		b = strconv.AppendInt(b, int64(v.Gen), 10)
		return append(b, " R"...)
	case Array:
		b = append(b, '[')
		for i, e := range v {
			if i > 0 {
				b = append(b, ' ')
			}
			b = appendObject(b, e)
		}
		return append(b, ']')
	case Dict:
		return appendDict(b, v)
	case *Stream:
		b = appendDict(b, v.Dict.With("Length", int64(len(v.Raw))))
		b = append(b, "\nstream\n"...)
		b = append(b, v.Raw...)
		return append(b, "\nendstream"...)
	}
	return append(b, "null"...)
}

func appendDict(b []byte, d Dict) []byte {
	b = append(b, "<<"...)
	for _, e := range d {
		b = appendName(b, e.Key)
		b = append(b, ' ')
		b = appendObject(b, e.Val)
		b = append(b, ' ')
	}
	return append(b, ">>"...)
}

// appendReal writes a real without an exponent, which PDF lacks.
func appendReal(b []byte, v float64) []byte {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return append(b, '0')
	}
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.AppendInt(b, int64(v), 10)
	}
	return strconv.AppendFloat(b, v, 'f', -1, 64)
}

func appendName(b []byte, n Name) []byte {
	b = append(b, '/')
	for i := 0; i < len(n); i++ {
		c := n[i]
		if c < 0x21 || c > 0x7e || c == '#' || isDelim(c) {
			b = append(b, '#', "0123456789ABCDEF"[c>>4], "0123456789ABCDEF"[c&15])
			continue
		}
		b = append(b, c)
	}
	return b
}

func appendString(b []byte, s String) []byte {
	if s.Hex {
		b = append(b, '<')
		b = hex.AppendEncode(b, s.B)
		return append(b, '>')
	}
	b = append(b, '(')
	for _, c := range s.B {
		switch c {
		case '(', ')', '\\':
			b = append(b, '\\', c)
		case '\r':
			b = append(b, `\r`...)
		default:
			b = append(b, c)
		}
	}
	return append(b, ')')
}

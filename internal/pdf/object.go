package pdf

// Object is one PDF object: nil (null), bool, int64, float64, Name,
// String, Array, Dict, Ref or *Stream.
type Object any

// Name is a PDF name, decoded (no "/" and no #xx escapes).
type Name string

// String is a PDF string's bytes. Hex records how it was written, so
// that a dictionary written back keeps its strings' form.
type String struct {
	B   []byte
	Hex bool
}

// Ref is an indirect reference "Num Gen R".
type Ref struct{ Num, Gen int }

// Array is a PDF array.
type Array []Object

// Entry is one key and value of a Dict.
type Entry struct {
	Key Name
	Val Object
}

// Dict is a PDF dictionary in the order its keys were written, so that
// an object written back reads like the original. Dictionaries are
// small, so lookups scan.
type Dict []Entry

// Stream is a stream object: its dictionary and the bytes between
// "stream" and "endstream", still encoded.
type Stream struct {
	Dict Dict
	Raw  []byte
}

// Get returns the value of key, nil if absent.
func (d Dict) Get(key Name) Object {
	for _, e := range d {
		if e.Key == key {
			return e.Val
		}
	}
	return nil
}

// Has reports whether key is present (even with a null value).
func (d Dict) Has(key Name) bool {
	for _, e := range d {
		if e.Key == key {
			return true
		}
	}
	return false
}

// With returns a copy of d with key set to val, in its old place if it
// was there, else at the end. d itself is not changed.
func (d Dict) With(key Name, val Object) Dict {
	out := make(Dict, 0, len(d)+1)
	found := false
	for _, e := range d {
		if e.Key == key {
			if found {
				continue // a duplicate key: keep one
			}
			e.Val, found = val, true
		}
		out = append(out, e)
	}
	if !found {
		out = append(out, Entry{key, val})
	}
	return out
}

// Without returns a copy of d without key.
func (d Dict) Without(key Name) Dict {
	out := make(Dict, 0, len(d))
	for _, e := range d {
		if e.Key != key {
			out = append(out, e)
		}
	}
	return out
}

// NameOf returns o as a Name, "" if it is not one.
func NameOf(o Object) Name {
	n, _ := o.(Name)
	return n
}

// number returns o as a float64 when it is an integer or a real.
func number(o Object) (float64, bool) {
	switch v := o.(type) {
	case int64:
		return float64(v), true
	case float64:
		return v, true
	}
	return 0, false
}

// intOf returns o as an int when it is an integer.
func intOf(o Object) (int, bool) {
	v, ok := o.(int64)
	if !ok || v < -1<<31 || v > 1<<31-1 {
		return 0, false
	}
	return int(v), true
}

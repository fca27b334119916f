package pdf

import (
	"errors"
	"fmt"
)

// objStream is a decoded object stream: the numbers of the objects it
// holds and where each starts in data.
type objStream struct {
	data []byte
	nums []int
	offs []int
}

// maxObjStmCount bounds /N of one object stream.
const maxObjStmCount = 1 << 20

func (f *File) objStream(num int) (*objStream, error) {
	if s, ok := f.objStms[num]; ok {
		return s, nil
	}
	o, err := f.Get(Ref{Num: num})
	if err != nil {
		return nil, err
	}
	st, ok := o.(*Stream)
	if !ok || NameOf(st.Dict.Get("Type")) != "ObjStm" {
		return nil, fmt.Errorf("object %d is not an object stream", num)
	}
	data, err := decode(st.Dict, st.Raw, f)
	if err != nil {
		return nil, fmt.Errorf("object stream %d: %w", num, err)
	}
	n, ok1 := intOf(st.Dict.Get("N"))
	first, ok2 := intOf(st.Dict.Get("First"))
	if !ok1 || !ok2 || n < 0 || n > maxObjStmCount || first < 0 || first > len(data) {
		return nil, fmt.Errorf("object stream %d: bad /N or /First", num)
	}
	s := &objStream{data: data}
	l := &lexer{b: data[:first]}
	for range n {
		a, err1 := l.token()
		b, err2 := l.token()
		on, ok1 := intOf(a)
		off, ok2 := intOf(b)
		if errors.Join(err1, err2) != nil || !ok1 || !ok2 || off < 0 || first+off > len(data) {
			return nil, fmt.Errorf("object stream %d: damaged header", num)
		}
		s.nums, s.offs = append(s.nums, on), append(s.offs, first+off)
	}
	f.objStms[num] = s
	return s, nil
}

func (f *File) objFromStream(s *objStream, i int) Object {
	l := &lexer{b: s.data, pos: s.offs[i]}
	o, err := l.object(0)
	if err != nil {
		return nil
	}
	if _, isKeyword := o.(keyword); isKeyword {
		return nil
	}
	return o
}

// fromStream reads object num, stored at index idx of object stream stm.
// A wrong index is forgiven when the stream holds num elsewhere.
func (f *File) fromStream(stm, idx, num int) (Object, error) {
	s, err := f.objStream(stm)
	if err != nil {
		return nil, err
	}
	if idx < 0 || idx >= len(s.nums) || s.nums[idx] != num {
		idx = -1
		for i, n := range s.nums {
			if n == num {
				idx = i
			}
		}
		if idx < 0 {
			return nil, fmt.Errorf("not in object stream %d", stm)
		}
	}
	return f.objFromStream(s, idx), nil
}

package bmff

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
)

// Make returns a complete box of type typ around payload.
func Make(typ string, payload []byte) []byte {
	out := make([]byte, 8, 8+len(payload))
	binary.BigEndian.PutUint32(out, uint32(8+len(payload)))
	copy(out[4:], typ)
	return append(out, payload...)
}

// MakeUUID returns a complete uuid box with the extended type id.
func MakeUUID(id [16]byte, payload []byte) []byte {
	return Make("uuid", append(id[:], payload...))
}

// Rebuild returns a container's payload with the children drop selects
// left out and the complete boxes add appended.
func Rebuild(payload []byte, drop func(Box) bool, add ...[]byte) []byte {
	boxes, _ := Parse(payload)
	var out []byte
	for _, b := range boxes {
		if !drop(b) {
			out = append(out, payload[b.Offset:b.End()]...)
		}
	}
	for _, a := range add {
		out = append(out, a...)
	}
	return out
}

// ReplaceMoov gives the file at path a new movie header. When moov is
// the last box it is rewritten in place; otherwise it becomes a free box
// and the new one is appended. Either way no sample data moves, so the
// chunk offsets stay true.
func ReplaceMoov(path string, payload []byte) error {
	f, file, err := OpenFile(path, os.O_RDWR)
	if err != nil {
		return err
	}
	defer f.Close()
	m, ok := Find(file.Top, "moov")
	if !ok {
		return errors.New("the file has no movie header to replace")
	}
	at := file.Size
	if m.End() == file.Size {
		at = m.Offset
	} else if _, err := f.WriteAt([]byte("free"), m.Offset+4); err != nil {
		return err
	}
	if err := f.Truncate(at); err != nil {
		return err
	}
	if _, err := f.WriteAt(Make("moov", payload), at); err != nil {
		return fmt.Errorf("writing the movie header: %w", err)
	}
	return f.Close()
}

// Append adds complete top-level boxes at the end of the file at path.
// Appending moves no byte, so no chunk offset changes. A last box that
// runs to the end of the file (size 0) can have nothing after it.
func Append(path string, boxes ...[]byte) error {
	f, file, err := OpenFile(path, os.O_RDWR)
	if err != nil {
		return err
	}
	defer f.Close()
	if top := file.Top; len(top) > 0 && top[len(top)-1].ToEnd {
		return errors.New("the last box runs to the end of the file; nothing can follow it")
	}
	at := file.Size
	for _, b := range boxes {
		if _, err := f.WriteAt(b, at); err != nil {
			return err
		}
		at += int64(len(b))
	}
	return f.Close()
}

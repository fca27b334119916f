package audio

import (
	"fmt"
	"os"
)

// openSized opens a file for reading and returns its size; on error it
// is already closed.
func openSized(path string) (*os.File, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, fmt.Errorf("audio: %w", err)
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, 0, fmt.Errorf("audio: %w", err)
	}
	return f, st.Size(), nil
}

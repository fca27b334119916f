package labeler

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
)

// ErrUnsupported is wrapped by errors for files no kind can label.
var ErrUnsupported = errors.New("unsupported file")

// Registry knows the media kinds. Order matters: the first kind whose
// Sniff accepts a file's head wins.
type Registry struct {
	kinds []Kind
}

// NewRegistry returns a registry of the given kinds, sniffed in order.
func NewRegistry(kinds ...Kind) *Registry {
	return &Registry{kinds: kinds}
}

// Kinds returns the registered kinds in order.
func (r *Registry) Kinds() []Kind { return append([]Kind(nil), r.kinds...) }

// Lookup returns the kind with the given name.
func (r *Registry) Lookup(name string) (Kind, bool) {
	for _, k := range r.kinds {
		if k.Name() == name {
			return k, true
		}
	}
	return nil, false
}

// Supported reports whether the extension (".jpg") belongs to any kind; it
// lets folder walks skip files that are plainly not media.
func (r *Registry) Supported(ext string) bool {
	ext = strings.ToLower(ext)
	for _, k := range r.kinds {
		for _, e := range k.Extensions() {
			if e == ext {
				return true
			}
		}
	}
	return false
}

// Detect picks the kind for a file: what content sniffers find inside it,
// then magic bytes, then the extension.
func (r *Registry) Detect(path string) (Kind, error) {
	k, _, err := r.detect(path)
	return k, err
}

func (r *Registry) detect(path string) (Kind, []byte, error) {
	head, err := ReadHead(path)
	if err != nil {
		return nil, nil, err
	}
	if k, ok := r.sniffContent(path, head); ok {
		return k, head, nil
	}
	k, err := r.DetectBytes(filepath.Base(path), head)
	return k, head, err
}

// OutputFor is where the labeled copy of in goes, with the extension the
// file's kind will write (a BMP becomes a PNG).
func (r *Registry) OutputFor(in Input, out Output) (string, error) {
	dst, err := OutputPath(in, out)
	if err != nil {
		return "", err
	}
	k, head, err := r.detect(in.Path)
	if err != nil {
		return dst, nil // Process reports the detection error
	}
	return retarget(k, head, dst), nil
}

// retarget swaps dst's extension when the kind writes another format.
func retarget(k Kind, head []byte, dst string) string {
	if rt, ok := k.(Retargeter); ok {
		if ext := rt.OutputExt(head); ext != "" {
			return strings.TrimSuffix(dst, filepath.Ext(dst)) + ext
		}
	}
	return dst
}

// DetectBytes is Detect for a file's name and first bytes.
func (r *Registry) DetectBytes(name string, head []byte) (Kind, error) {
	for _, k := range r.kinds {
		if k.Sniff(head) {
			return k, nil
		}
	}
	ext := strings.ToLower(filepath.Ext(name))
	for _, k := range r.kinds {
		for _, e := range k.Extensions() {
			if e == ext {
				return k, nil
			}
		}
	}
	if len(head) == 0 {
		return nil, fmt.Errorf("%s: %w: the file is empty", name, ErrUnsupported)
	}
	return nil, fmt.Errorf("%s: %w: content looks like %s", name, ErrUnsupported, http.DetectContentType(head))
}

// ReadHead reads up to 4 KiB from the start of a file: what Sniff sees.
// A shorter file is returned whole.
func ReadHead(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	head := make([]byte, 4096)
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return nil, fmt.Errorf("read %s: %w", filepath.Base(path), err)
	}
	return head[:n], nil
}

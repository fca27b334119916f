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
	kinds     []Kind
	finish    Finisher
	examiners []Examiner
}

// NewRegistry returns a registry of the given kinds, sniffed in order.
func NewRegistry(kinds ...Kind) *Registry {
	return &Registry{kinds: kinds}
}

// WithFinisher has every output pass through f before it is read back.
func (r *Registry) WithFinisher(f Finisher) *Registry {
	r.finish = f
	return r
}

// finishing wraps a kind so its outputs pass through the finisher.
func (r *Registry) finishing(k Kind) Kind {
	if r.finish == nil {
		return k
	}
	return finishing{Kind: k, f: r.finish}
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
// then magic bytes, then the extension. A file no kind knows gives a
// *FileError at StageDecode wrapping ErrUnsupported.
func (r *Registry) Detect(path string) (Kind, error) {
	k, _, err := r.detect(path)
	if err != nil {
		return nil, fileError(path, StageDecode, err)
	}
	return k, nil
}

// detect is Detect with the file's head, and an error that does not name
// the file.
func (r *Registry) detect(path string) (Kind, []byte, error) {
	head, err := ReadHead(path)
	if err != nil {
		return nil, nil, err
	}
	if k, ok := r.sniffContent(path, head); ok {
		return k, head, nil
	}
	k, err := r.detectBytes(filepath.Base(path), head)
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
	return retarget(k, head, in.Path, dst), nil
}

// retarget swaps dst's extension when the kind writes another format. A
// file whose new name a sibling already has (photo.bmp beside photo.png,
// IMG_1.HEIC beside IMG_1.JPG, as exports leave them) keeps its own
// extension in the name too, photo.bmp.png, so that both are labeled
// rather than one refused for taking the other's output.
func retarget(k Kind, head []byte, src, dst string) string {
	rt, ok := k.(Retargeter)
	if !ok {
		return dst
	}
	ext := rt.OutputExt(head)
	if ext == "" || strings.EqualFold(ext, filepath.Ext(src)) {
		return dst
	}
	stem := strings.TrimSuffix(dst, filepath.Ext(dst))
	if siblingHas(src, ext) {
		stem = dst
	}
	return stem + ext
}

// siblingHas reports whether src's folder holds a file named like src
// with extension ext, in lower or upper case (a stat each, not a folder
// listing per file: a camera card's folder holds thousands).
func siblingHas(src, ext string) bool {
	stem := strings.TrimSuffix(src, filepath.Ext(src))
	for _, e := range []string{strings.ToLower(ext), strings.ToUpper(ext)} {
		if st, err := os.Stat(stem + e); err == nil && !st.IsDir() {
			return true
		}
	}
	return false
}

// DetectBytes is Detect for a file's name and first bytes.
func (r *Registry) DetectBytes(name string, head []byte) (Kind, error) {
	k, err := r.detectBytes(name, head)
	if err != nil {
		return nil, fileError(name, StageDecode, err)
	}
	return k, nil
}

func (r *Registry) detectBytes(name string, head []byte) (Kind, error) {
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
		return nil, fmt.Errorf("%w: the file is empty", ErrUnsupported)
	}
	return nil, fmt.Errorf("%w: content looks like %s", ErrUnsupported, http.DetectContentType(head))
}

// ReadHead reads up to 4 KiB from the start of a file: what Sniff sees.
// A shorter file is returned whole.
func ReadHead(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, friendlyPathErr(err)
	}
	defer f.Close()
	head := make([]byte, 4096)
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return nil, friendlyPathErr(err)
	}
	return head[:n], nil
}

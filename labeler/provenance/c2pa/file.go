package c2pa

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/belgi-kz/belgi/internal/scratch"
)

// Output is where Sign writes: a new, empty file it can read back (for
// the hash) and patch (for the store). *os.File is one.
type Output interface {
	io.Writer
	io.ReaderAt
	io.WriterAt
}

// Sign writes a signed copy of in (size bytes, in format f) to out: the
// container lays the file out around a placeholder of the sealer's size,
// the copy is hashed as written, and the signed store is patched into
// the placeholder. A store already in the file is replaced; when m has
// no parent, that store's active manifest becomes the parent.
func Sign(ctx context.Context, in io.ReaderAt, size int64, out Output, f Format, m Manifest, s Signer) error {
	l, err := f.Container.Open(in, size)
	if err != nil {
		return err
	}
	if m.Parent == nil && l.Store() != nil {
		if m.Parent, err = NewParent(l.Store(), in, size, Options{}); err != nil {
			return err
		}
	}
	if m.Format == "" {
		m.Format = f.MIME
	}
	z, err := NewSealer(ctx, m, s, f.BMFF)
	if err != nil {
		return err
	}
	cw := &countingWriter{w: bufio.NewWriterSize(out, 1<<20)}
	slot, err := l.Reserve(cw, z.Size())
	if err == nil {
		err = cw.w.(*bufio.Writer).Flush()
	}
	if err != nil {
		return fmt.Errorf("c2pa: writing: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	store, err := seal(ctx, z, out, cw.n, slot, f.BMFF)
	if err != nil {
		return err
	}
	return patch(out, l, slot, store)
}

// seal hashes the written copy and signs the store.
func seal(ctx context.Context, z *Sealer, out io.ReaderAt, size int64, slot Slot, bmff bool) ([]byte, error) {
	if bmff {
		hash, err := BMFFHash(out, size)
		if err != nil {
			return nil, err
		}
		return z.SealBMFF(ctx, hash)
	}
	ex := slot.exclusions()
	hash, err := DataHash(out, size, ex)
	if err != nil {
		return nil, err
	}
	return z.SealData(ctx, hash, ex)
}

// patch writes the framed store over the placeholder.
func patch(out io.WriterAt, l Layout, slot Slot, store []byte) error {
	framed, err := l.Wrap(store)
	if err != nil {
		return err
	}
	if int64(len(framed)) != slot.Length {
		return fmt.Errorf("c2pa: framed store is %d bytes, its slot %d", len(framed), slot.Length)
	}
	if _, err := out.WriteAt(framed, slot.Offset); err != nil {
		return fmt.Errorf("c2pa: writing the manifest: %w", err)
	}
	return nil
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// SignFile signs the file at path in place: the signed copy is written to
// a temporary file beside it, synced and renamed over it, so a failure
// leaves the file as it was.
func SignFile(ctx context.Context, path string, f Format, m Manifest, s Signer) error {
	in, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("c2pa: %w", err)
	}
	defer in.Close()
	st, err := in.Stat()
	if err != nil {
		return fmt.Errorf("c2pa: %w", err)
	}
	tmp, err := scratch.Create(filepath.Dir(path), filepath.Ext(path))
	if err != nil {
		return fmt.Errorf("c2pa: %w", err)
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	err = Sign(ctx, in, st.Size(), tmp, f, m, s)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), st.Mode().Perm())
	}
	if err != nil {
		return err
	}
	in.Close()
	return os.Rename(tmp.Name(), path)
}

package c2pa

import (
	"context"
	"fmt"
	"mime"
	"os"
	"path/filepath"
	"strings"

	"github.com/belgi-kz/belgi/internal/scratch"
	"github.com/belgi-kz/belgi/labeler"
)

// SignSidecar returns a manifest store for the file at path that travels
// beside it (a .c2pa sidecar), bound by a data hash of the whole file.
func SignSidecar(ctx context.Context, path string, m Manifest, s Signer) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("c2pa: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("c2pa: %w", err)
	}
	z, err := NewSealer(ctx, m, s, false)
	if err != nil {
		return nil, err
	}
	hash, err := DataHash(f, st.Size(), nil)
	if err != nil {
		return nil, err
	}
	return z.SealData(ctx, hash, nil)
}

// sidecar writes the manifest to a temporary file beside the output,
// which the core renames to NAME.c2pa right after the output itself, and
// removes if the output fails: a sidecar is never left without its file.
func (f *Finisher) sidecar(ctx context.Context, job labeler.Job, out labeler.Outcome, m Manifest, s Signer) (labeler.Outcome, error) {
	path := sidecarPath(job.Output)
	if _, err := os.Lstat(path); err == nil && !job.Spec.Out.Overwrite {
		return out, fmt.Errorf("c2pa: the sidecar %s exists (use overwrite to replace it)", filepath.Base(path))
	}
	if m.Format == "" {
		m.Format = mimeOf(job.Output)
	}
	if m.SourceFormat == "" {
		m.SourceFormat = mimeOf(job.Input)
	}
	store, err := SignSidecar(ctx, job.Temp, m, s)
	if err != nil {
		return out, err
	}
	tmp, err := writeTemp(path, store)
	if err != nil {
		return out, fmt.Errorf("c2pa: sidecar: %w", err)
	}
	out.Companions = append(out.Companions, labeler.Companion{Temp: tmp, Final: path})
	if sv, err := newStoreView(store); err == nil {
		out.C2PAManifest = sv.active().label
	}
	out = f.signed(out, job.Spec.C2PA, m.Parent)
	out.Notes = append(out.Notes, "Content Credentials written beside it as "+filepath.Base(path)+": keep the two files together")
	return out, nil
}

func mimeOf(name string) string {
	t := mime.TypeByExtension(strings.ToLower(filepath.Ext(name)))
	if t == "" {
		return "application/octet-stream"
	}
	t, _, _ = strings.Cut(t, ";")
	return t
}

// writeTemp writes data durably to a new hidden file beside path and
// returns its name; nothing is left behind on failure.
func writeTemp(path string, data []byte) (string, error) {
	tmp, err := scratch.Create(filepath.Dir(path), ".c2pa")
	if err != nil {
		return "", err
	}
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err != nil {
		unlinkQuiet(tmp.Name())
		return "", err
	}
	return tmp.Name(), nil
}

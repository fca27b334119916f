package text

import (
	"bytes"
	"fmt"
	"io"

	"github.com/belgi-kz/belgi/internal/pdf"
	"github.com/belgi-kz/belgi/labeler/provenance/c2pa"
)

// PDFCredentials is the C2PA format the document kind brings to the
// C2PA finisher: a PDF carries its manifest store as an embedded file
// associated with the document, written in an incremental update after
// Belgi's own (C2PA 2.x, "Embedding manifests into PDFs").
func PDFCredentials() c2pa.Format {
	return c2pa.Format{MIME: "application/pdf", Sniff: isPDF, Container: pdfContainer{}}
}

func isPDF(head []byte) bool { return bytes.Contains(head[:min(len(head), 1024)], []byte("%PDF-")) }

type pdfContainer struct{}

// Open implements c2pa.Container.
func (pdfContainer) Open(r io.ReaderAt, size int64) (c2pa.Layout, error) {
	if size > pdf.MaxSize {
		return nil, fmt.Errorf("pdf: %d MiB is more than Belgi reads", size>>20)
	}
	data := make([]byte, size)
	if _, err := r.ReadAt(data, 0); err != nil && err != io.EOF {
		return nil, err
	}
	store, err := pdf.ManifestStore(data)
	if err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	return &pdfLayout{data: data, store: store}, nil
}

// pdfLayout is one PDF opened for signing.
type pdfLayout struct{ data, store []byte }

// Store implements c2pa.Layout.
func (l *pdfLayout) Store() []byte { return l.store }

// Reserve implements c2pa.Layout: the file as it is, then an update
// embedding n bytes of room for the store.
func (l *pdfLayout) Reserve(w io.Writer, n int) (c2pa.Slot, error) {
	out, at, err := pdf.ReserveManifest(l.data, n)
	if err != nil {
		return c2pa.Slot{}, fmt.Errorf("pdf: %w", err)
	}
	if _, err := w.Write(out); err != nil {
		return c2pa.Slot{}, err
	}
	return c2pa.Slot{Offset: at, Length: int64(n)}, nil
}

// Wrap implements c2pa.Layout: the embedded file holds the store as is.
func (l *pdfLayout) Wrap(store []byte) ([]byte, error) { return store, nil }

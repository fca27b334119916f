package text

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/belgi-kz/belgi/internal/docx"
	"github.com/belgi-kz/belgi/internal/pdf"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/provenance"
)

// Document is the "document" kind: DOCX and PDF.
type Document struct{}

// NewDocument returns the document kind.
func NewDocument() Document { return Document{} }

// Name implements labeler.Kind.
func (Document) Name() string { return labeler.KindDocument }

// Extensions implements labeler.Kind.
func (Document) Extensions() []string { return []string{".docx", ".pdf"} }

// Sniff claims PDFs by their header and zips that name a "word/" part in
// their first local headers; other zips (XLSX, EPUB, plain archives) are
// left alone, and a DOCX whose first entries are large falls back to its
// extension.
func (Document) Sniff(head []byte) bool { return docFormat("", head) != "" }

func docFormat(name string, head []byte) string {
	switch {
	case bytes.Contains(head[:min(len(head), 1024)], []byte("%PDF-")):
		return "pdf"
	case bytes.HasPrefix(head, []byte("PK\x03\x04")) && bytes.Contains(head, []byte("word/")):
		return "docx"
	}
	return strings.TrimPrefix(strings.ToLower(filepath.Ext(name)), ".")
}

// Label implements labeler.Kind.
func (d Document) Label(ctx context.Context, job labeler.Job) (labeler.Outcome, error) {
	head, err := labeler.ReadHead(job.Input)
	if err != nil {
		return labeler.Outcome{}, labeler.AtStage(labeler.StageDecode, fmt.Errorf("document: %w", err))
	}
	switch docFormat(job.Input, head) {
	case "pdf":
		err = pdf.Label(ctx, job.Input, job.Temp, pdfNotice(job.Spec))
	case "docx":
		err = docx.Label(ctx, job.Input, job.Temp, docxNotice(job.Spec))
	default:
		err = labeler.AtStage(labeler.StageDecode, fmt.Errorf("%w: not a DOCX or PDF", labeler.ErrUnsupported))
	}
	if err != nil {
		// Only on failure, and so at no cost otherwise: an input that does
		// not even inspect is damaged, not merely hard to label.
		if _, ierr := d.Inspect(ctx, job.Input); ierr != nil {
			err = labeler.AtStage(labeler.StageDecode, err)
		}
		return labeler.Outcome{}, fmt.Errorf("document: %w", err)
	}
	return labeler.Outcome{Layers: layers}, nil
}

func pdfNotice(spec labeler.Spec) pdf.Notice {
	mark := provenance.MarkFor(spec, layers)
	return pdf.Notice{
		Lines:    spec.Lines(),
		AllPages: spec.Text.PDFPages == labeler.PDFAll,
		XMP:      func(existing []byte) ([]byte, error) { return provenance.Packet(existing, mark) },
	}
}

func docxNotice(spec labeler.Spec) docx.Notice {
	var lines []docx.Line
	for _, w := range spec.Wordings() {
		lines = append(lines, docx.Line{Lang: string(w.Lang), Text: w.Notice})
		if w.Person != "" {
			lines = append(lines, docx.Line{Lang: string(w.Lang), Text: w.Person})
		}
	}
	return docx.Notice{Lines: lines, DigitalSourceType: spec.DigitalSourceType(), Record: Record(spec, layers)}
}

// Inspect implements labeler.Kind.
func (Document) Inspect(ctx context.Context, path string) (labeler.Report, error) {
	head, err := labeler.ReadHead(path)
	if err != nil {
		return labeler.Report{}, fmt.Errorf("document: %w", err)
	}
	var r labeler.Report
	switch docFormat(path, head) {
	case "pdf":
		r, err = inspectPDF(path)
	case "docx":
		r, err = inspectDOCX(path)
	default:
		err = fmt.Errorf("%w: not a DOCX or PDF", labeler.ErrUnsupported)
	}
	if err != nil {
		return r, fmt.Errorf("document: %w", err)
	}
	return r, nil
}

func inspectPDF(path string) (labeler.Report, error) {
	f, err := pdf.Inspect(path)
	if err != nil {
		return labeler.Report{}, err
	}
	found := provenance.Read(f.XMP)
	r := report(labeler.KindDocument, "pdf", Mark{}, found.Belgi, f.Notice)
	r.Provenance, r.Layers = nil, nil
	found.Report(&r)
	r.Layers = nil
	if f.Notice {
		r.Layers = append(r.Layers, labeler.LayerNotice)
	}
	if found.DigitalSourceType != "" {
		r.Layers = append(r.Layers, labeler.LayerXMP)
	}
	return r, nil
}

func inspectDOCX(path string) (labeler.Report, error) {
	f, err := docx.Inspect(path)
	if err != nil {
		return labeler.Report{}, err
	}
	m, found := ParseRecord(f.Record)
	if f.DigitalSourceType != "" {
		m.DigitalSourceType = f.DigitalSourceType
	}
	r := report(labeler.KindDocument, "docx", m, found, f.Notice)
	if !found && f.DigitalSourceType != "" {
		r.DigitalSourceType = f.DigitalSourceType
	}
	return r, nil
}

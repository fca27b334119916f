package text

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/belgi-kz/belgi/internal/docx"
	"github.com/belgi-kz/belgi/internal/odt"
	"github.com/belgi-kz/belgi/internal/officezip"
	"github.com/belgi-kz/belgi/internal/pdf"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/provenance"
	"github.com/belgi-kz/belgi/labeler/provenance/c2pa"
)

// Document is the "document" kind: DOCX (and its macro-enabled and
// template variants), OpenDocument text (ODT, OTT) and PDF. It also
// claims the word-processor formats it cannot label (legacy DOC, RTF), to
// refuse them by name and say what to do instead of calling them unknown
// files.
type Document struct{}

// NewDocument returns the document kind.
func NewDocument() Document { return Document{} }

// Name implements labeler.Kind.
func (Document) Name() string { return labeler.KindDocument }

// Extensions implements labeler.Kind.
func (Document) Extensions() []string {
	return []string{".docx", ".docm", ".dotx", ".dotm", ".pdf", ".odt", ".ott", ".doc", ".dot", ".rtf"}
}

// Sniff claims PDFs by their header, zips that name a "word/" part in
// their first local headers (other zips — XLSX, EPUB, archives — are
// left alone), OpenDocument text and RTF. A DOCX whose first entries are
// large, and OLE files (legacy .doc, encrypted DOCX), fall back to their
// extension.
func (Document) Sniff(head []byte) bool { return docFormat("", head) != "" }

func docFormat(name string, head []byte) string {
	switch {
	case bytes.Contains(head[:min(len(head), 1024)], []byte("%PDF-")):
		return "pdf"
	case bytes.HasPrefix(head, []byte("PK\x03\x04")) && bytes.Contains(head, []byte("word/")):
		return "docx"
	case bytes.HasPrefix(head, []byte("PK\x03\x04")) && bytes.Contains(head[:min(len(head), 100)], []byte("mimetypeapplication/vnd.oasis.opendocument.text")):
		return "odt"
	case bytes.HasPrefix(head, []byte(`{\rtf`)):
		return "rtf"
	case bytes.HasPrefix(head, docx.OLEMagic):
		return "ole"
	}
	switch ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(name)), "."); ext {
	case "docm", "dotx", "dotm":
		return "docx"
	case "dot":
		return "doc"
	case "ott":
		return "odt"
	default:
		return ext
	}
}

// refusals name the formats the document kind recognises but cannot
// label, and what to do.
var refusals = map[string]string{
	"rtf": "a Rich Text (RTF) file: Belgi labels DOCX, ODT and PDF; save it as DOCX, ODT or PDF and label that",
	"doc": "a legacy Word 97–2003 (.doc) document: Belgi labels DOCX, ODT and PDF; save it as DOCX (Word: File → Save As → Word Document) or PDF and label that",
}

func docKind(path string) (string, error) {
	head, err := labeler.ReadHead(path)
	if err != nil {
		return "", err
	}
	f := docFormat(filepath.Base(path), head)
	if f == "ole" {
		return "", oleRefusal(path)
	}
	if why, ok := refusals[f]; ok {
		return "", fmt.Errorf("%w: %s", labeler.ErrUnsupported, why)
	}
	if f != "pdf" && f != "docx" && f != "odt" {
		return "", fmt.Errorf("%w: not a DOCX, ODT or PDF", labeler.ErrUnsupported)
	}
	return f, nil
}

// oleRefusal names what an OLE compound file is: an encrypted or
// rights-managed DOCX, a legacy .doc, or another legacy Office file.
func oleRefusal(path string) error {
	kind, err := docx.OLEKind(path)
	if err != nil {
		return fmt.Errorf("%w: a damaged legacy Office (OLE) file: %v", labeler.ErrUnsupported, err)
	}
	switch kind {
	case docx.OLEEncrypted:
		return errors.New("the Word document is encrypted (password-protected): Belgi can't label it without the password. " +
			"Open it in Word, remove the password (File → Info → Protect Document → Encrypt with Password, clear it), save, and label that copy")
	case docx.OLERights:
		return errors.New("the Word document is protected by Information Rights Management: only its owner's tools can open it. " +
			"Ask the owner for an unprotected copy and label that")
	case docx.OLEWord97:
		return fmt.Errorf("%w: %s", labeler.ErrUnsupported, refusals["doc"])
	}
	return fmt.Errorf("%w: a legacy Office (OLE) file, not a Word document Belgi labels; save it as DOCX or PDF and label that", labeler.ErrUnsupported)
}

// Label implements labeler.Kind.
func (d Document) Label(ctx context.Context, job labeler.Job) (labeler.Outcome, error) {
	f, err := docKind(job.Input)
	if err != nil {
		return labeler.Outcome{}, labeler.AtStage(labeler.StageDecode, docErr(err))
	}
	var notes []string
	switch f {
	case "pdf":
		if job.Spec.Out.Relabel && pdfLabeled(job.Input) {
			// The band is stamped onto the page, so a second one would
			// stack under it; DOCX and ODT replace their paragraph.
			return labeler.Outcome{}, errors.New("document: already labeled by Belgi: label the original PDF instead, or the notice would appear twice")
		}
		var o pdf.Outcome
		o, err = pdf.Label(ctx, job.Input, job.Temp, pdfNotice(job.Spec))
		notes = o.Notes
	case "docx":
		notes, err = docx.Label(ctx, job.Input, job.Temp, officeNotice(job.Spec))
	case "odt":
		notes, err = odt.Label(ctx, job.Input, job.Temp, officeNotice(job.Spec))
	}
	if err != nil {
		// Only on failure, and so at no cost otherwise: an input that does
		// not even inspect is damaged, not merely hard to label.
		if _, ierr := d.Inspect(ctx, job.Input); ierr != nil {
			err = labeler.AtStage(labeler.StageDecode, err)
		}
		return labeler.Outcome{}, docErr(err)
	}
	return labeler.Outcome{Layers: layers, Notes: notes}, nil
}

// pdfLabeled reports a PDF whose first page already shows Belgi's band.
func pdfLabeled(path string) bool {
	f, err := pdf.Inspect(path)
	return err == nil && f.Notice != ""
}

func pdfNotice(spec labeler.Spec) pdf.Notice {
	mark := provenance.MarkFor(spec, layers)
	mark.Notice = spec.Lines()
	return pdf.Notice{
		Lines:    spec.Lines(),
		AllPages: spec.Text.PDFPages == labeler.PDFAll,
		XMP:      func(existing []byte) ([]byte, error) { return provenance.Packet(existing, mark) },
	}
}

// officeNotice is the notice of a word-processor document: the full
// sentence and the person line in each language, and the record.
func officeNotice(spec labeler.Spec) officezip.Notice {
	var lines []officezip.Line
	for _, w := range spec.Wordings() {
		lines = append(lines, officezip.Line{Lang: string(w.Lang), Text: w.Notice})
		if w.Person != "" {
			lines = append(lines, officezip.Line{Lang: string(w.Lang), Text: w.Person})
		}
	}
	return officezip.Notice{Lines: lines, DigitalSourceType: spec.DigitalSourceType(), Record: Record(spec, layers)}
}

// Inspect implements labeler.Kind.
func (Document) Inspect(ctx context.Context, path string) (labeler.Report, error) {
	f, err := docKind(path)
	if err != nil {
		return labeler.Report{}, docErr(err)
	}
	var r labeler.Report
	switch f {
	case "pdf":
		r, err = inspectPDF(path)
	case "odt":
		r, err = inspectOffice(path, f, odt.Inspect)
	default:
		r, err = inspectOffice(path, f, docx.Inspect)
	}
	if err != nil {
		return r, docErr(err)
	}
	return r, nil
}

// docErr prefixes the kind; the core names the file. Nothing below this
// names the file either: internal/pdf and internal/docx speak of content.
func docErr(err error) error { return fmt.Errorf("document: %w", err) }

// inspectPDF reports labeled only when the XMP record is there and the
// first page shows the notice that record says was placed.
func inspectPDF(path string) (labeler.Report, error) {
	f, err := pdf.Inspect(path)
	if err != nil {
		return labeler.Report{}, err
	}
	found := provenance.Read(f.XMP)
	notice := f.Notice != "" && containsLines(f.Notice, found.Notice)
	r := labeler.Report{Kind: "document", Format: "pdf"}
	found.Report(&r)
	r.Layers = nil
	if notice {
		r.Layers = append(r.Layers, labeler.LayerNotice)
	}
	if found.DigitalSourceType != "" {
		r.Layers = append(r.Layers, labeler.LayerXMP)
	}
	if found.Belgi && !notice {
		r.Labeled = false
		r.Warnings = append(r.Warnings, WarnContentLacks)
	}
	credentials(path, &r)
	return r, nil
}

// credentials adds what the PDF's C2PA manifest store says.
func credentials(path string, r *labeler.Report) {
	found, err := c2pa.ReadFile(path, c2pa.Formats{PDFCredentials()})
	if err != nil {
		r.Warnings = append(r.Warnings, "C2PA manifest unreadable: "+err.Error())
		return
	}
	found.Report(r)
	if found.Present && r.Labeled {
		r.Layers = append(r.Layers, labeler.LayerC2PA)
	}
}

// containsLines reports whether text holds each line, however wrapped.
func containsLines(text string, lines []string) bool {
	flat := strings.Join(strings.Fields(text), " ")
	for _, l := range lines {
		if !strings.Contains(flat, strings.Join(strings.Fields(l), " ")) {
			return false
		}
	}
	return true
}

// inspectOffice reports on a DOCX or ODT from its custom properties and
// its notice paragraph, read by inspect.
func inspectOffice(path, format string, inspect func(string) (officezip.Found, error)) (labeler.Report, error) {
	f, err := inspect(path)
	if err != nil {
		return labeler.Report{}, err
	}
	m, found := ParseRecord(f.Record)
	if f.DigitalSourceType != "" {
		m.DigitalSourceType = f.DigitalSourceType
	}
	r := report("document", format, m, found, f.Notice != "")
	if !found && f.DigitalSourceType != "" {
		r.DigitalSourceType = f.DigitalSourceType
	}
	return r, nil
}

package text

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/belgi-kz/belgi/labeler"
)

// maxTextBytes bounds what is read into memory: a 64 MiB subtitle or
// article is already far beyond anything a newsroom publishes.
const maxTextBytes = 64 << 20

// format is one text format's labeler and reader.
type format struct {
	name    string
	label   func(s string, spec labeler.Spec, nl string) (string, error)
	inspect func(s string) (m Mark, found, notice bool)
}

var formats = map[string]format{
	"txt":  {"txt", noErr(labelPlain), inspectPlain},
	"md":   {"md", noErr(labelMarkdown), inspectMarkdown},
	"html": {"html", noErr(labelHTML), inspectHTML},
	"srt":  {"srt", labelSRT, inspectSRT},
	"vtt":  {"vtt", labelVTT, inspectVTT},
	"ass":  {"ass", labelASS, inspectASS},
}

func noErr(f func(string, labeler.Spec, string) string) func(string, labeler.Spec, string) (string, error) {
	return func(s string, spec labeler.Spec, nl string) (string, error) { return f(s, spec, nl), nil }
}

var extFormats = map[string]string{
	".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
	".srt": "srt", ".vtt": "vtt", ".ass": "ass", ".ssa": "ass",
}

// Text is the "text" kind: plain text, Markdown, HTML and subtitles.
type Text struct{}

// New returns the text kind.
func New() Text { return Text{} }

// Name implements labeler.Kind.
func (Text) Name() string { return labeler.KindText }

// Extensions implements labeler.Kind.
func (Text) Extensions() []string {
	return []string{".txt", ".md", ".markdown", ".html", ".htm", ".srt", ".vtt", ".ass", ".ssa"}
}

// Sniff claims only what cannot be anything else: a WebVTT header, an
// HTML document start or an ASS/SSA script's [Script Info]. Other text
// is recognised by its extension.
func (Text) Sniff(head []byte) bool { return sniffFormat(head) != "" }

func sniffFormat(head []byte) string {
	head = bytes.TrimPrefix(head, bomUTF8)
	if bytes.HasPrefix(head, []byte("WEBVTT")) && (len(head) == 6 || strings.ContainsRune(" \t\r\n", rune(head[6]))) {
		return "vtt"
	}
	lower := bytes.ToLower(bytes.TrimLeft(head, " \t\r\n"))
	if bytes.HasPrefix(lower, []byte("<!doctype html")) || bytes.HasPrefix(lower, []byte("<html")) {
		return "html"
	}
	if bytes.HasPrefix(lower, []byte("[script info]")) {
		return "ass"
	}
	return ""
}

// formatOf picks the format by extension, falling back to the content.
func formatOf(path string, data []byte) (format, error) {
	if f, ok := extFormats[strings.ToLower(filepath.Ext(path))]; ok {
		return formats[f], nil
	}
	if f := sniffFormat(data); f != "" {
		return formats[f], nil
	}
	return format{}, fmt.Errorf("%w: not a text format Belgi knows", labeler.ErrUnsupported)
}

// Label implements labeler.Kind.
func (Text) Label(ctx context.Context, job labeler.Job) (labeler.Outcome, error) {
	d, f, err := read(job.Input)
	if err != nil {
		return labeler.Outcome{}, labeler.AtStage(labeler.StageDecode, err)
	}
	s := d.Text
	var notes []string
	if n := d.Note(); n != "" {
		notes = append(notes, n)
	}
	if f.name == "html" && d.Enc != UTF16LE && d.Enc != UTF16BE {
		if fixed, ok := fixCharset(s); ok {
			s = fixed
			notes = append(notes, "the charset declaration now says utf-8")
		}
	}
	if _, found, _ := f.inspect(s); found {
		return labeler.Outcome{}, errors.New("text: already labeled by Belgi: label the original instead, or the notice would appear twice")
	}
	out, err := f.label(s, job.Spec, d.NL)
	if err != nil {
		return labeler.Outcome{}, fmt.Errorf("text: %w", err)
	}
	if err := os.WriteFile(job.Temp, d.Bytes(out), 0o644); err != nil {
		return labeler.Outcome{}, labeler.AtStage(labeler.StageWrite, fmt.Errorf("text: %w", err))
	}
	return labeler.Outcome{Layers: layers, Notes: notes}, nil
}

// Inspect implements labeler.Kind.
func (Text) Inspect(ctx context.Context, path string) (labeler.Report, error) {
	d, f, err := read(path)
	if err != nil {
		return labeler.Report{}, err
	}
	m, found, notice := f.inspect(d.Text)
	r := report(labeler.KindText, f.name, m, found, notice)
	if d.Enc != UTF8 {
		r.Format += " (" + string(d.Enc) + ")"
	}
	return r, nil
}

func read(path string) (Decoded, format, error) {
	data, err := readLimited(path, maxTextBytes)
	if err != nil {
		return Decoded{}, format{}, fmt.Errorf("text: %w", err)
	}
	f, err := formatOf(path, data)
	if err != nil {
		return Decoded{}, f, fmt.Errorf("text: %w", err)
	}
	decode := Decode
	if f.name == "html" {
		decode = decodeHTML
	}
	d, err := decode(data)
	if err != nil {
		return d, f, fmt.Errorf("text: %w", err)
	}
	return d, f, nil
}

func readLimited(path string, limit int64) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if st.Size() > limit {
		return nil, fmt.Errorf("the file is %d MiB; text files over %d MiB are refused", st.Size()>>20, limit>>20)
	}
	return os.ReadFile(path)
}

package ledger

import (
	_ "embed"
	"html/template"
	"io"
	"strings"
	"time"
)

//go:embed report.html
var reportHTML string

// WriteHTML writes the report as one self-contained, printable HTML page:
// styles inline, no scripts, nothing fetched; every value is escaped.
func (r Report) WriteHTML(w io.Writer) error {
	tmpl, err := template.New("report").Funcs(template.FuncMap{
		"t":     func(key string) string { return word(r.Lang, key) },
		"stamp": stamp,
		"clock": func(t time.Time) string { return t.UTC().Format("2006-01-02 15:04:05") },
		"size":  size,
		"join":  func(s []string) string { return strings.Join(s, ", ") },
	}).Parse(reportHTML)
	if err != nil {
		return err
	}
	return tmpl.Execute(w, r)
}

package ledger

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/belgi-kz/belgi/internal/scratch"
	"github.com/belgi-kz/belgi/labeler"
)

// Report is a ledger made readable for a compliance officer or a
// regulator: its verification and its batches, with totals.
type Report struct {
	Ledger       string
	Generated    time.Time
	Tool         string
	Lang         labeler.Lang
	Verification Verification
	Batches      []Batch
	Labeled      int
	Skipped      int
	Failed       int
}

// NewReport verifies the ledger at path (outputs too, with opt) and
// gathers its batches; lang (kk, ru, en) is the report's language.
func NewReport(path string, opt Options, lang labeler.Lang) (Report, error) {
	v, err := Verify(path, opt)
	if err != nil {
		return Report{}, err
	}
	recs, err := Read(path)
	if err != nil {
		return Report{}, err
	}
	if !lang.Known() {
		lang = labeler.English
	}
	r := Report{Ledger: v.Path, Generated: now(), Tool: labeler.Tool, Lang: lang, Verification: v, Batches: Batches(recs)}
	for _, b := range r.Batches {
		r.Labeled, r.Skipped, r.Failed = r.Labeled+b.Labeled, r.Skipped+b.Skipped, r.Failed+b.Failed
	}
	return r, nil
}

// Formats a report can be written in.
const (
	FormatCSV  = "csv"
	FormatHTML = "html"
)

// stamp formats a time for people: UTC, to the second.
func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02 15:04:05") + " UTC"
}

// size formats a byte count the way file managers do.
func size(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	f, suffix := float64(n), "KMGT"
	i := -1
	for f >= unit && i < len(suffix)-1 {
		f /= unit
		i++
	}
	return fmt.Sprintf("%.1f %ciB", f, suffix[i])
}

// WriteFile writes the report in format (FormatCSV or FormatHTML) to
// path: beside it first, synced, then renamed, so no reader ever sees
// half a report.
func (r Report) WriteFile(path, format string) error {
	write := r.WriteHTML
	if format == FormatCSV {
		write = r.WriteCSV
	}
	f, err := scratch.Create(filepath.Dir(path), filepath.Ext(path))
	if err != nil {
		return err
	}
	defer os.Remove(f.Name()) // a no-op once renamed
	err = write(f)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o644)
	}
	if err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

// FormatOf picks the report format from a file name: CSV for ".csv",
// HTML otherwise.
func FormatOf(path string) string {
	if strings.EqualFold(filepath.Ext(path), ".csv") {
		return FormatCSV
	}
	return FormatHTML
}

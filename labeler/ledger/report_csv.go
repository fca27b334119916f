package ledger

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
)

// csvHeader names the columns: one row per file, its batch on each row.
var csvHeader = []string{"batch", "seq", "time", "operator", "tool", "profile", "settings", "settings_sha256",
	"status", "kind", "input", "input_size", "input_sha256", "output", "output_sha256", "layers",
	"c2pa_manifest", "reason", "error", "stage"}

// WriteCSV writes one row per file. Cells a spreadsheet would run as a
// formula (starting with = + - @) get a leading apostrophe.
func (r Report) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write(csvHeader)
	for _, b := range r.Batches {
		for _, rec := range b.Records {
			cw.Write(csvRow(rec))
		}
	}
	cw.Flush()
	return cw.Error()
}

func csvRow(r Record) []string {
	row := []string{r.Batch, strconv.Itoa(r.Seq), r.Time.UTC().Format("2006-01-02T15:04:05.000Z"), r.Operator, r.Tool,
		r.Profile, r.Spec, r.SpecSHA256, r.Status, r.Kind, r.Input, strconv.FormatInt(r.InputSize, 10), r.InputSHA256,
		r.Output, r.OutputSHA256, strings.Join(r.Layers, " "), r.C2PAManifest, r.Reason, r.Error, r.Stage}
	for i, cell := range row {
		row[i] = defuse(cell)
	}
	return row
}

// defuse keeps a cell from being read as a formula (CSV injection).
func defuse(cell string) string {
	if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return "'" + cell
	}
	return cell
}

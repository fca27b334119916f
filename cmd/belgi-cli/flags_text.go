package main

import (
	"flag"

	"github.com/belgi-kz/belgi/labeler"
)

// textFlags binds the knobs of text and documents.
func textFlags(fs *flag.FlagSet, spec *labeler.Spec) {
	t := &spec.Text
	fs.BoolVar(&t.AtEnd, "text-at-end", t.AtEnd, "also put the notice at the end of plain text and Markdown")
	fs.StringVar(&t.PDFPages, "pdf-pages", t.PDFPages, "PDF pages that get the notice band: first or all")
	fs.Float64Var(&t.CueSeconds, "cue-seconds", t.CueSeconds, "how long the subtitle notice cue shows, from 0 s (1-30)")
}

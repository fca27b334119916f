// Package realworld holds Belgi's check against real files: photographs,
// recordings, clips and documents made by real cameras, phones, recorders
// and office suites, collected in ../shared/realworld (see SOURCES.md
// there), which is never copied into this repository.
//
// The check is a test behind the "realworld" build tag, run by
// `make realworld` (part of `make test`). It labels every corpus file with
// the real belgi-cli binary, as a user would, compares each outcome with
// the promise in testdata/realworld.tsv (ok with its layers and output
// format, or refused with its reason), and reads every output back with
// tools nobody here wrote: exiftool, djpeg, ImageMagick, ffmpeg, pdfinfo,
// pdftotext, qpdf, unzip and odt2txt. When an outcome changes on purpose, rerun
// with -update and review the table's diff.
package realworld

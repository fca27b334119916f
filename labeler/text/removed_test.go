package text

import (
	"slices"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/labeler"
)

// Deleting the perceivable notice but keeping the mark must be caught:
// that is the file check exists to stop before publication. The record
// alone is not a label: labeled is false, with the warning.
func TestNoticeRemovedIsWarned(t *testing.T) {
	spec := labeler.DefaultSpec()
	for _, name := range []string{"txt", "md", "html", "srt", "vtt"} {
		src := map[string]string{"vtt": "WEBVTT\n\n00:01.000 --> 00:02.000\nhi\n", "srt": "1\n00:00:01,000 --> 00:00:02,000\nhi\n"}[name]
		if src == "" {
			src = "<p>hi</p>\n"
		}
		f := formats[name]
		out, err := f.label(src, spec, "\n")
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range spec.Lines() {
			out = strings.ReplaceAll(out, l, "")
		}
		out = strings.NewReplacer("> ****\n>\n", "", "> ****\n", "", "{\\an8}\n", "").Replace(out)
		out = strings.ReplaceAll(strings.ReplaceAll(out, "\n\n\n", "\n\n"), "\n\n[", "\n[")
		m, found, notice := f.inspect(out)
		r := report("text", name, m, found, notice)
		if r.Labeled || notice || !slices.Contains(r.Warnings, WarnContentLacks) {
			t.Errorf("%s: notice removed but report is %+v:\n%s", name, r, out)
		}
	}
}

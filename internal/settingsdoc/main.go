// Command settingsdoc writes docs/settings.md, the reference of every
// setting, from labeler.Settings() and the "Adding a setting" section of
// the labeler package doc. Run it through `go generate ./labeler/`; a test
// fails while the checked-in file is stale.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/doc/comment"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"

	"github.com/belgi-kz/belgi/labeler"
)

func main() {
	out := flag.String("o", "docs/settings.md", "file to write")
	src := flag.String("labeler", "", "folder of package labeler (default: found from -o)")
	flag.Parse()
	if *src == "" {
		*src = filepath.Join(filepath.Dir(*out), "..", "labeler")
	}
	md, err := generate(*src)
	if err == nil {
		err = os.WriteFile(*out, md, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "settingsdoc:", err)
		os.Exit(1)
	}
}

// generate renders the whole reference.
func generate(labelerDir string) ([]byte, error) {
	recipe, err := recipe(filepath.Join(labelerDir, "doc.go"))
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteString(header)
	b.Write(recipe)
	profiles(&b)
	for _, sec := range labeler.Sections() {
		section(&b, sec)
	}
	rules(&b)
	return b.Bytes(), nil
}

const header = `# Settings reference

<!-- Generated from labeler.Settings() by ` + "`go generate ./labeler/`" + ` (internal/settingsdoc).
     Do not edit: change the table, then regenerate. -->

Every setting is declared once, in the table ` + "`labeler.Settings()`" + `. The CLI flag, the
app's preference key, the default, the values allowed, the profile rule and the help below
all come from it, and so do ` + "`belgi-cli label -h`" + `, the app's stored choices and the checks
` + "`Spec.Validate`" + ` makes. Problems name the setting and a rule code; the CLI prints them in
English, the app in the interface language beside the setting's widget.

`

// recipe is the labeler package doc's "Adding a setting" section as
// Markdown, so the recipe is written once.
func recipe(docGo string) ([]byte, error) {
	f, err := parser.ParseFile(token.NewFileSet(), docGo, nil, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		return nil, err
	}
	var p comment.Parser
	d := p.Parse(f.Doc.Text())
	var keep []comment.Block
	in := false
	for _, blk := range d.Content {
		if h, ok := blk.(*comment.Heading); ok {
			in = headingText(h) == "Adding a setting"
		}
		if in {
			keep = append(keep, blk)
		}
	}
	if len(keep) == 0 {
		return nil, fmt.Errorf("%s has no \"# Adding a setting\" section", docGo)
	}
	pr := comment.Printer{HeadingLevel: 2, HeadingID: func(*comment.Heading) string { return "" }}
	md := pr.Markdown(&comment.Doc{Content: keep})
	// Doc comments have no code spans, so the printer escapes backquotes;
	// in the reference they are meant as code.
	return append(bytes.ReplaceAll(md, []byte("\\`"), []byte("`")), '\n'), nil
}

func headingText(h *comment.Heading) string {
	var s strings.Builder
	for _, t := range h.Text {
		if p, ok := t.(comment.Plain); ok {
			s.WriteString(string(p))
		}
	}
	return s.String()
}

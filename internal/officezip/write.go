package officezip

import (
	"archive/zip"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
)

// Plan is what a labeler changes in a package: new content of existing
// or added parts, parts removed, and what the person should know.
type Plan struct {
	Changed map[string][]byte
	Removed map[string]bool
	Notes   []string
}

// NewPlan is an empty plan.
func NewPlan() *Plan {
	return &Plan{Changed: map[string][]byte{}, Removed: map[string]bool{}}
}

// Write writes the package zr with the plan's changes to out. Entries
// keep their order, and those the plan does not change their compressed
// bytes (so an ODT's stored "mimetype" stays first and stored); added
// parts come last, deflated and dated like the entry like.
func (p *Plan) Write(out string, zr *zip.Reader, like *zip.File) error {
	f, err := os.OpenFile(out, os.O_WRONLY|os.O_TRUNC|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	if err := p.writeTo(zip.NewWriter(f), zr, like); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func (p *Plan) writeTo(zw *zip.Writer, zr *zip.Reader, like *zip.File) error {
	done := map[string]bool{}
	for _, e := range zr.File {
		if err := p.copyOrReplace(zw, e, done); err != nil {
			return err
		}
	}
	for _, name := range slices.Sorted(maps.Keys(p.Changed)) {
		if !done[name] {
			if err := create(zw, name, p.Changed[name], like); err != nil {
				return err
			}
		}
	}
	if err := zw.SetComment(zr.Comment); err != nil {
		return err
	}
	return zw.Close()
}

func (p *Plan) copyOrReplace(zw *zip.Writer, e *zip.File, done map[string]bool) error {
	if p.Removed[e.Name] {
		return nil
	}
	content, ok := p.Changed[e.Name]
	if !ok {
		return zw.Copy(e)
	}
	done[e.Name] = true
	return create(zw, e.Name, content, e)
}

// create writes a new or rewritten part, deflated, dated like like.
func create(zw *zip.Writer, name string, content []byte, like *zip.File) error {
	w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: like.Modified})
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	_, err = w.Write(content)
	return err
}

// VerifyEntries reads every entry of the written package out back: each
// decompresses with a valid CRC, and each XML part that was well-formed
// in the source in (or that the labeler added) still is.
func VerifyEntries(in, out *zip.Reader) error {
	for _, f := range out.File {
		if err := CheckEntry(f); err != nil {
			return err
		}
		b, err := ReadEntry(f)
		if err != nil {
			return err // a CRC mismatch shows here as zip.ErrChecksum
		}
		if isXMLPart(f.Name) && !HasDTD(b) && WellFormed(b) != nil && parsedBefore(in, f.Name) {
			return fmt.Errorf("%s is no longer well-formed XML", f.Name)
		}
	}
	return nil
}

func isXMLPart(name string) bool {
	n := strings.ToLower(name)
	return strings.HasSuffix(n, ".xml") || strings.HasSuffix(n, ".rels")
}

// parsedBefore reports whether the source's entry of that name was
// well-formed (a part the labeler added counts as such).
func parsedBefore(in *zip.Reader, name string) bool {
	f := Find(in, name)
	if f == nil {
		return true
	}
	b, err := ReadEntry(f)
	return err == nil && WellFormed(b) == nil
}

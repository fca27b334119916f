package docx

import (
	"strconv"
	"strings"

	"github.com/belgi-kz/belgi/internal/officezip"
	"github.com/belgi-kz/belgi/internal/xmltree"
)

// Namespaces and relationship types of the package (OPC) layer.
const (
	nsRels  = "http://schemas.openxmlformats.org/package/2006/relationships"
	nsTypes = "http://schemas.openxmlformats.org/package/2006/content-types"
	// Relationship type endings, transitional and strict alike.
	relMain      = "/officeDocument"
	relThumbnail = "/metadata/thumbnail"
	relSignature = "/digital-signature/origin"
)

// relCustom is the custom-properties relationship type, per flavour.
var relCustom = map[bool]string{
	false: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties",
	true:  "http://purl.oclc.org/ooxml/officeDocument/relationships/customProperties",
}

// rel is one package relationship.
type rel struct {
	id, typ, target string
	el              *xmltree.Element
}

// rels lists a relationships part's Relationship elements.
func rels(p *officezip.Part) []rel {
	var out []rel
	for _, e := range p.Tree.Root.Kids {
		if e.Name.Space != nsRels || e.Name.Local != "Relationship" {
			continue
		}
		id, _ := e.Attr("", "Id")
		typ, _ := e.Attr("", "Type")
		target, _ := e.Attr("", "Target")
		out = append(out, rel{id, typ, target, e})
	}
	return out
}

// relOf returns the first relationship whose type ends with one of
// suffixes.
func relOf(rs []rel, suffixes ...string) (rel, bool) {
	for _, r := range rs {
		for _, s := range suffixes {
			if strings.HasSuffix(r.typ, s) {
				return r, true
			}
		}
	}
	return rel{}, false
}

// partName turns a package-level target into a zip entry name.
func partName(target string) string { return strings.TrimPrefix(target, "/") }

// addRel adds a relationship with an Id no other one has.
func addRel(p *officezip.Part, typ, target string) {
	used := map[string]bool{}
	for _, r := range rels(p) {
		used[r.id] = true
	}
	id := "rIdBelgi"
	for n := 1; used[id]; n++ {
		id = "rIdBelgi" + strconv.Itoa(n)
	}
	root := p.Tree.Root
	el := "<" + officezip.Prefixed(root.Prefix(p.Text), "Relationship") + ` Id="` + id + `" Type="` + typ + `" Target="` + officezip.Escape(target) + `"/>`
	p.Append(root, el)
}

// override finds the content-type Override for a part (names compare
// without case, as OPC says).
func override(types *officezip.Part, name string) *xmltree.Element {
	for _, e := range types.Tree.Root.Kids {
		if pn, _ := e.Attr("", "PartName"); e.Name.Space == nsTypes && e.Name.Local == "Override" && strings.EqualFold(pn, "/"+name) {
			return e
		}
	}
	return nil
}

// addOverride declares a part's content type unless it already is.
func addOverride(types *officezip.Part, name, contentType string) {
	if override(types, name) != nil {
		return
	}
	root := types.Tree.Root
	el := "<" + officezip.Prefixed(root.Prefix(types.Text), "Override") + ` PartName="/` + officezip.Escape(name) + `" ContentType="` + contentType + `"/>`
	types.Append(root, el)
}

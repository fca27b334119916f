package docx

import (
	"fmt"
	"html"
	"regexp"
	"strconv"
	"strings"
)

const (
	nsCustom  = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
	nsVT      = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
	relCustom = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
	ctCustom  = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
	// fmtidUser is the format id every user-defined property carries.
	fmtidUser = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
)

// newCustom is a custom-properties part holding only Belgi's properties.
func newCustom(n Notice) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\r\n" +
		`<Properties xmlns="` + nsCustom + `" xmlns:vt="` + nsVT + `">` +
		properties("", 2, n) + `</Properties>`
}

// mergeCustom replaces Belgi's properties in an existing part and keeps
// every other property as it was.
func mergeCustom(part string, n Notice) (string, error) {
	root := regexp.MustCompile(`<(?:([\w.-]+):)?Properties[\s>]`).FindStringSubmatch(part)
	end := strings.LastIndex(part, "Properties>")
	if root == nil || end < 0 {
		return "", fmt.Errorf("docProps/custom.xml is not a custom-properties part")
	}
	for _, name := range []string{PropDST, PropBelgi} {
		part = propRE(name).ReplaceAllString(part, "")
	}
	prefix := root[1]
	closing := strings.LastIndex(part, "</"+qualify(prefix, "Properties>"))
	if closing < 0 {
		return "", fmt.Errorf("docProps/custom.xml has no closing Properties element")
	}
	return part[:closing] + properties(prefix, maxPID(part)+1, n) + part[closing:], nil
}

func qualify(prefix, local string) string {
	if prefix == "" {
		return local
	}
	return prefix + ":" + local
}

func properties(prefix string, pid int, n Notice) string {
	one := func(pid int, name, val string) string {
		return fmt.Sprintf(`<%s fmtid="%s" pid="%d" name="%s"><vt:lpwstr xmlns:vt="%s">%s</vt:lpwstr></%s>`,
			qualify(prefix, "property"), fmtidUser, pid, name, nsVT, escape(val), qualify(prefix, "property"))
	}
	return one(pid, PropDST, n.DigitalSourceType) + one(pid+1, PropBelgi, n.Record)
}

func propRE(name string) *regexp.Regexp {
	return regexp.MustCompile(`(?s)<(?:[\w.-]+:)?property\b[^>]*\bname="` + regexp.QuoteMeta(name) + `"[^>]*>.*?</(?:[\w.-]+:)?property>`)
}

var pidRE = regexp.MustCompile(`\bpid="(\d+)"`)

func maxPID(part string) int {
	max := 1 // pids start at 2
	for _, m := range pidRE.FindAllStringSubmatch(part, -1) {
		if n, _ := strconv.Atoi(m[1]); n > max {
			max = n
		}
	}
	return max
}

var valueRE = regexp.MustCompile(`(?s)<(?:[\w.-]+:)?lpwstr[^>]*>(.*?)</`)

// property reads a string property's value, "" if absent.
func property(part, name string) string {
	p := propRE(name).FindString(part)
	if m := valueRE.FindStringSubmatch(p); m != nil {
		return html.UnescapeString(m[1])
	}
	return ""
}

// addOverride declares the custom-properties part's content type.
func addOverride(types string) (string, error) {
	if strings.Contains(types, `PartName="/docProps/custom.xml"`) {
		return types, nil
	}
	i := strings.LastIndex(types, "</Types>")
	if i < 0 {
		return "", fmt.Errorf("[Content_Types].xml has no closing Types element")
	}
	return types[:i] + `<Override PartName="/docProps/custom.xml" ContentType="` + ctCustom + `"/>` + types[i:], nil
}

// addRelationship links the package to the custom-properties part.
func addRelationship(rels string) (string, error) {
	if relTarget(rels, "/custom-properties") != "" {
		return rels, nil
	}
	i := strings.LastIndex(rels, "</Relationships>")
	if i < 0 {
		return "", fmt.Errorf("_rels/.rels has no closing Relationships element")
	}
	id := "rIdBelgi"
	for n := 1; strings.Contains(rels, `Id="`+id+`"`); n++ {
		id = "rIdBelgi" + strconv.Itoa(n)
	}
	return rels[:i] + `<Relationship Id="` + id + `" Type="` + relCustom + `" Target="docProps/custom.xml"/>` + rels[i:], nil
}

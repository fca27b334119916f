package text

import "strings"

// htmlTag is one tag found by scanning, with its byte range.
type htmlTag struct {
	name       string // lower case, without "/"
	start, end int    // s[start:end] is the whole tag, "<" to ">"
	closing    bool
}

// rawText elements hold text that may contain "<" without being markup.
var rawText = map[string]bool{"script": true, "style": true, "textarea": true, "title": true}

// scanHTML calls visit for each tag until visit returns false, skipping
// comments, doctypes and the content of script, style, textarea and
// title, so that a "<body>" inside them is never mistaken for the real one.
// It reads the document, never rewrites it.
func scanHTML(s string, visit func(htmlTag) bool) {
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 {
			return
		}
		i += j
		t, next := readTag(s, i)
		i = next
		if t.name == "" {
			continue
		}
		if !visit(t) {
			return
		}
		if rawText[t.name] && !t.closing {
			i = skipRawText(s, i, t.name)
		}
	}
}

// readTag reads the markup starting at s[i] == '<' and returns where
// scanning goes on; a comment or stray "<" yields a tag with no name.
func readTag(s string, i int) (htmlTag, int) {
	rest := s[i:]
	switch {
	case strings.HasPrefix(rest, "<!--"):
		return htmlTag{}, skipPast(s, i+4, "-->")
	case strings.HasPrefix(rest, "<!") || strings.HasPrefix(rest, "<?"):
		return htmlTag{}, skipPast(s, i+2, ">")
	}
	t := htmlTag{start: i}
	k := i + 1
	if k < len(s) && s[k] == '/' {
		t.closing = true
		k++
	}
	n := k
	for n < len(s) && isNameByte(s[n]) {
		n++
	}
	if n == k || !isLetter(s[k]) {
		return htmlTag{}, i + 1
	}
	t.name = strings.ToLower(s[k:n])
	t.end = tagEnd(s, n)
	return t, t.end
}

// tagEnd finds the ">" closing a tag, skipping quoted attribute values.
func tagEnd(s string, i int) int {
	var quote byte
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i + 1
		}
	}
	return len(s)
}

func skipPast(s string, i int, end string) int {
	if j := strings.Index(s[i:], end); j >= 0 {
		return i + j + len(end)
	}
	return len(s)
}

func skipRawText(s string, i int, name string) int {
	lower := strings.ToLower(s[i:])
	if j := strings.Index(lower, "</"+name); j >= 0 {
		return i + j
	}
	return len(s)
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isNameByte(c byte) bool {
	return isLetter(c) || c >= '0' && c <= '9' || c == '-' || c == ':' || c == '_'
}

// htmlPlaces are the insertion points of a document: where the metadata
// goes (before </head>) and where the notice goes (first inside <body>).
type htmlPlaces struct {
	meta, notice int
}

// findPlaces copes with documents that omit <head>, <body> or <html>, as
// HTML allows, and with fragments: the notice then goes where the body's
// content would start.
func findPlaces(s string) htmlPlaces {
	var headEnd, bodyStart, htmlEnd, headOpenEnd = -1, -1, -1, -1
	scanHTML(s, func(t htmlTag) bool {
		switch {
		case t.name == "body" && !t.closing:
			bodyStart = t.end
			if headEnd < 0 {
				headEnd = t.start
			}
			return false
		case t.name == "head" && t.closing:
			headEnd = t.start
		case t.name == "head":
			headOpenEnd = t.end
		case t.name == "html" && !t.closing && htmlEnd < 0:
			htmlEnd = t.end
		}
		return true
	})
	return resolvePlaces(s, headEnd, bodyStart, htmlEnd, headOpenEnd)
}

func resolvePlaces(s string, headEnd, bodyStart, htmlEnd, headOpenEnd int) htmlPlaces {
	start := max(htmlEnd, headOpenEnd, doctypeEnd(s))
	if headEnd < 0 {
		headEnd = max(start, 0)
	}
	if bodyStart < 0 {
		bodyStart = headEnd
		if t := closingHeadEnd(s, headEnd); t > 0 {
			bodyStart = t
		}
	}
	return htmlPlaces{meta: headEnd, notice: bodyStart}
}

// closingHeadEnd is just past a "</head>" starting at i, or -1.
func closingHeadEnd(s string, i int) int {
	if i >= 0 && i < len(s) && strings.HasPrefix(strings.ToLower(s[i:]), "</head") {
		return tagEnd(s, i)
	}
	return -1
}

// doctypeEnd is just past a leading <!DOCTYPE ...> (and an XML
// declaration before it), or 0.
func doctypeEnd(s string) int {
	end := 0
	for {
		rest := strings.TrimLeft(s[end:], " \t\r\n")
		if !strings.HasPrefix(rest, "<!") && !strings.HasPrefix(rest, "<?") || strings.HasPrefix(rest, "<!--") {
			return end
		}
		end = skipPast(s, len(s)-len(rest)+2, ">")
	}
}

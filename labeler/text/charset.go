package text

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/htmlindex"
)

// metaCharsetRE finds the encoding an HTML page declares, in
// <meta charset="…"> or <meta http-equiv="Content-Type"
// content="text/html; charset=…">.
var metaCharsetRE = regexp.MustCompile(`(?i)<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9._:-]+)`)

// xmlDeclRE finds the encoding an XML declaration names, at the very start
// of an XHTML page (<?xml version="1.0" encoding="windows-1251"?>).
var xmlDeclRE = regexp.MustCompile(`^(\s*<\?xml\b[^>]*?\bencoding\s*=\s*["'])([a-zA-Z0-9._:-]+)`)

// charsetRE finds a charset name inside a meta tag's source.
var charsetRE = regexp.MustCompile(`(?i)(charset\s*=\s*["']?\s*)([a-z0-9._:-]+)`)

// decodeHTML reads a page that is not UTF-8 in the encoding its meta
// element declares within its first 1024 bytes, as browsers do: guessing
// the code page of a page whose author named it would only get it wrong
// more often. A page with a byte order mark, or whose bytes are valid
// UTF-8, is read as that, whatever it declares: legacy text is almost
// never valid UTF-8, so such a declaration is a stale one (a page saved
// from a site that served it as UTF-8), and Label rewrites it.
func decodeHTML(data []byte) (Decoded, error) {
	if bytes.HasPrefix(data, bomUTF8) || bytes.HasPrefix(data, bomUTF16LE) || bytes.HasPrefix(data, bomUTF16BE) || utf8.Valid(data) {
		return Decode(data)
	}
	head := data[:min(len(data), 1024)]
	m := metaCharsetRE.FindSubmatch(head)
	if m == nil {
		m = xmlDeclRE.FindSubmatch(head) // an XHTML page's, when no meta says
	}
	if m == nil {
		return Decode(data)
	}
	declared := string(m[len(m)-1]) // the name is each pattern's last group
	enc, err := htmlindex.Get(declared)
	if err != nil {
		return Decode(data)
	}
	name, _ := htmlindex.Name(enc)
	switch {
	case name == "utf-8", strings.HasPrefix(name, "utf-16"), name == "replacement", name == "x-user-defined":
		return Decode(data)
	}
	text, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return Decoded{}, fmt.Errorf("the page declares charset %s, but its bytes are not %s: %w", declared, name, err)
	}
	d, err := Decode(text)
	if err != nil {
		return d, err
	}
	d.Enc = encodingNamed(name)
	return d, nil
}

// encodingNamed spells a WHATWG encoding name as Belgi's notes do.
func encodingNamed(name string) Encoding {
	for _, p := range legacyPages {
		if strings.EqualFold(string(p.enc), name) {
			return p.enc
		}
	}
	return Encoding(strings.ToUpper(name[:1]) + name[1:])
}

// fixCharset rewrites a page's charset declarations to utf-8, since
// Belgi writes every page it converts, and its own notice, in UTF-8: left
// as they were, browsers (and XML readers, for an XHTML page's XML
// declaration) would decode the new bytes in the old code page. Only
// meta tags and the XML declaration are edited; the same words in text
// or scripts stay.
func fixCharset(s string) (string, bool) {
	var b strings.Builder
	pos, changed := 0, false
	if m := xmlDeclRE.FindStringSubmatchIndex(s); m != nil && !isUTF8Name(s[m[4]:m[5]]) {
		b.WriteString(s[:m[4]] + "utf-8")
		pos, changed = m[5], true
	}
	scanHTML(s, func(t htmlToken) bool {
		if t.opens("meta") {
			tag := s[t.start:t.end]
			fixed := charsetRE.ReplaceAllStringFunc(tag, func(m string) string {
				sub := charsetRE.FindStringSubmatch(m)
				if isUTF8Name(sub[2]) {
					return m
				}
				return sub[1] + "utf-8"
			})
			if fixed != tag {
				b.WriteString(s[pos:t.start] + fixed)
				pos, changed = t.end, true
			}
		}
		return true
	})
	b.WriteString(s[pos:])
	return b.String(), changed
}

func isUTF8Name(name string) bool {
	return strings.EqualFold(name, "utf-8") || strings.EqualFold(name, "utf8")
}

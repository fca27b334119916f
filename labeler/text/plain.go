package text

import (
	"regexp"
	"strings"

	"github.com/belgi-kz/belgi/labeler"
)

// labelPlain puts the notice and its tag first, a blank line, then the
// original; with AtEnd the same block closes the text too.
func labelPlain(s string, spec labeler.Spec, nl string) string {
	block := strings.Join(append(spec.Lines(), Tag(spec)), nl) + nl
	out := block + nl + s
	if spec.Text.AtEnd {
		out += endSep(s, nl) + block
	}
	return out
}

// endSep is what separates the original's last line from a closing
// notice: a blank line, completing the last line first if needed.
func endSep(s, nl string) string {
	if strings.HasSuffix(s, "\n") {
		return nl
	}
	return nl + nl
}

// inspectPlain finds the tag and checks the notice is still where Belgi
// put it: the text's first lines, every one of them notice text, right
// above the tag. A notice cut from the top, or a tag moved elsewhere,
// does not count.
func inspectPlain(s string) (Mark, bool, bool) {
	start, _, m := findTag(s)
	if start < 0 {
		return m, false, false
	}
	return m, true, noticeBlock(s[:start])
}

// noticeBlock reports whether before (the text above a tag) is one or
// more non-blank lines and nothing else.
func noticeBlock(before string) bool {
	before = strings.TrimSuffix(strings.TrimSuffix(before, "\n"), "\r")
	if strings.TrimSpace(before) == "" {
		return false
	}
	for _, l := range strings.Split(before, "\n") {
		if strings.TrimSpace(strings.TrimPrefix(l, `{\an8}`)) == "" {
			return false
		}
	}
	return true
}

// frontMatter matches a YAML (---) or TOML (+++) block that static site
// generators require to stay at the very top of a Markdown file.
var frontMatter = regexp.MustCompile(`\A(?:---|\+\+\+)[ \t]*\r?\n(?s:.*?)\r?\n(?:---|\+\+\+|\.\.\.)[ \t]*(?:\r?\n|\z)`)

// labelMarkdown puts a bold blockquote first (after any front matter), then
// Belgi's record in an HTML comment, which renders as nothing.
func labelMarkdown(s string, spec labeler.Spec, nl string) string {
	head := frontMatter.FindString(s)
	if head != "" && !strings.HasSuffix(head, "\n") {
		head += nl
	}
	body := s[len(frontMatter.FindString(s)):]
	quote := mdQuote(spec, nl)
	out := head + quote + nl + "<!-- " + Record(spec, layers) + " -->" + nl + nl + body
	if spec.Text.AtEnd {
		out += endSep(s, nl) + quote
	}
	return out
}

func mdQuote(spec labeler.Spec, nl string) string {
	lines := spec.Lines()
	for i, l := range lines {
		lines[i] = "> **" + mdEscape(l) + "**"
	}
	return strings.Join(lines, nl+">"+nl) + nl
}

// mdEscape keeps custom wording from turning into Markdown syntax.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`\*_[]<>#`+"`", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

var mdCommentRE = regexp.MustCompile(`<!-- (Belgi [^\n]*?) -->`)

// inspectMarkdown finds the record comment and checks that everything
// above it, after any front matter, is a blockquote with text: the
// notice at the top, as Belgi wrote it.
func inspectMarkdown(s string) (Mark, bool, bool) {
	loc := mdCommentRE.FindStringSubmatchIndex(s)
	if loc == nil {
		return Mark{}, false, false
	}
	m, ok := ParseRecord(s[loc[2]:loc[3]])
	if !ok {
		return m, false, false
	}
	fm := len(frontMatter.FindString(s))
	if fm > loc[0] {
		return m, true, false
	}
	above := strings.TrimRight(s[fm:loc[0]], " \t\r\n")
	text := false
	for _, l := range strings.Split(above, "\n") {
		l = strings.TrimRight(l, "\r")
		if !strings.HasPrefix(l, ">") {
			return m, true, false
		}
		text = text || strings.Trim(strings.TrimPrefix(l, ">"), " *\t") != ""
	}
	return m, true, text
}

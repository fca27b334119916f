package xmltree

import (
	"strings"
	"testing"
)

// TestOpen: content goes inside an element however it was written:
// self-closed (with a "/" in an attribute value), empty, or not.
func TestOpen(t *testing.T) {
	cases := []struct{ in, want string }{
		{`<a x="u/v"/>`, `<a x="u/v">C</a>`},
		{`<p:a x="u/v" />`, `<p:a x="u/v" >C</p:a>`},
		{`<a x="u/v"></a>`, `<a x="u/v">C</a>`},
		{`junk <a><b/></a> tail`, `junk <a><b/>C</a> tail`},
	}
	for _, tc := range cases {
		at := strings.IndexByte(tc.in, '<')
		tr, err := Parse([]byte(tc.in), at, true)
		if err != nil {
			t.Fatalf("%q: %v", tc.in, err)
		}
		var ed Edits
		Open(tr.Src, tr.Root, []byte("C"), false, &ed)
		if got := string(ed.Apply(tr.Src)); got != tc.want {
			t.Errorf("%q → %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestAttrSpans: each attribute's bytes, white space before it included,
// whatever the quoting.
func TestAttrSpans(t *testing.T) {
	src := []byte(`<a  x='1' y = "a'b"	xmlns:p="u" p:z="2"/>`)
	tr, err := Parse(src, 0, true)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range tr.Root.Attrs {
		got = append(got, string(src[a.Start:a.End]))
	}
	want := []string{`  x='1'`, ` y = "a'b"`, "\txmlns:p=\"u\"", ` p:z="2"`}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("spans %q, want %q", got, want)
	}
	if v, _ := tr.Root.Attr("u", "z"); v != "2" {
		t.Errorf("p:z resolved to %q", v)
	}
}

func TestEncodingRoundTrip(t *testing.T) {
	for _, enc := range []Encoding{UTF8, UTF16LE, UTF16BE} {
		text := []byte(`<?xml version="1.0"?><a>Әә 😀</a>`)
		raw := Encode(text, enc)
		back, got, err := Decode(raw)
		if err != nil || got != enc || string(back) != string(text) {
			t.Errorf("encoding %d: %v %d %q", enc, err, got, back)
		}
		if _, err := Parse(back, 0, true); err != nil {
			t.Errorf("encoding %d: %v", enc, err)
		}
	}
}

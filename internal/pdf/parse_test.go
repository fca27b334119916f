package pdf

import (
	"testing"
)

// parseCases: PDF syntax as real writers produce it, and what it must
// read as (written back by appendObject). They also seed FuzzParse.
var parseCases = []struct{ in, want string }{
	{"null", "null"},
	{"true", "true"},
	{"-42", "-42"},
	{"+17", "17"},
	{"3.25", "3.25"},
	{".5", "0.5"},
	{"-.002", "-0.002"},
	{"4.", "4"},
	{"--3", "-3"},
	{"/Name", "/Name"},
	{"/A#20B", "/A#20B"},
	{"/Lime#20Green", "/Lime#20Green"},
	{"/", "/"},
	{"(a (nested) string)", "(a \\(nested\\) string)"},
	{`(esc \n \( \\ \101 \0 \777)`, "(esc \n \\( \\\\ A \x00 \xff)"},
	{"(line\\\ncontinued)", "(linecontinued)"},
	{"(cr\r\nlf)", "(cr\nlf)"},
	{"<48 65 6C6C6F>", "<48656c6c6f>"},
	{"<4>", "<40>"},
	{"[1 2 0 R /x [3] <<>>]", "[1 2 0 R /x [3] <<>>]"},
	{"<< /Type /Page /Parent 3 0 R /Kids [] >>", "<</Type /Page /Parent 3 0 R /Kids [] >>"},
	{"<< /A 1 0 R /B 2 >>", "<</A 1 0 R /B 2 >>"},
	{"<< /K >>", "<</K null >>"},
	{"[ 1 % comment ]\n 2 ]", "[1 2]"},
}

func TestParse(t *testing.T) {
	for _, tc := range parseCases {
		o, err := Parse([]byte(tc.in))
		if err != nil {
			if tc.want != "" {
				t.Errorf("%q: %v", tc.in, err)
			}
			continue
		}
		if got := string(appendObject(nil, o)); got != tc.want {
			t.Errorf("%q reads as %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestParseRejects: malformed syntax is an error, never a panic or a
// guess that would be written back.
func TestParseRejects(t *testing.T) {
	for _, in := range []string{"<< /N 1 2 >>", "(unterminated", "<4G>", "<< /A >", "[1 2", "<< 1 2 >>", ")", string(make([]byte, 0))} {
		if _, err := Parse([]byte(in)); err == nil {
			t.Errorf("%q parsed", in)
		}
	}
	deep := make([]byte, 0, 2*maxDepth+10)
	for range maxDepth + 5 {
		deep = append(deep, '[')
	}
	if _, err := Parse(deep); err == nil {
		t.Error("nesting beyond the limit parsed")
	}
}

// TestWrittenObjectsReadBack: what appendObject writes, the parser reads
// as the same object.
func TestWrittenObjectsReadBack(t *testing.T) {
	objs := []Object{
		Dict{{"A", String{B: []byte("(x)\\\r")}}, {"B", Name("a b#/")}, {"C", Array{1.5, int64(-2), Ref{3, 1}, nil, true}}},
		String{B: []byte{0, 255, 10}, Hex: true},
		float64(1) / 3,
	}
	for _, o := range objs {
		w := appendObject(nil, o)
		back, err := Parse(w)
		if err != nil {
			t.Fatalf("%s: %v", w, err)
		}
		if again := appendObject(nil, back); string(again) != string(w) {
			t.Errorf("%s read back as %s", w, again)
		}
	}
}

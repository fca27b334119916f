package text

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/belgi-kz/belgi/labeler"
)

// kazakh holds every letter Kazakh adds to Russian, so each path proves
// it keeps them.
const kazakh = "Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ Іі"

type textCase struct {
	name string // file name; the extension picks the format
	data []byte
	enc  Encoding
}

func textCases() []textCase {
	body := "Сәлем, әлем!\nҚазақстан — " + kazakh + "\nПривет, мир.\n"
	crlf := strings.ReplaceAll(body, "\n", "\r\n")
	srt := "1\n00:00:01,000 --> 00:00:02,500\nҚайырлы таң!\n\n2\n00:00:03,000 --> 00:00:04,000\nДоброе утро\n"
	vtt := "WEBVTT\n\nSTYLE\n::cue { color: yellow }\n\n00:01.000 --> 00:02.000\nҚайырлы таң!\n"
	page := "<!DOCTYPE html>\n<html lang=\"kk\"><head><meta charset=\"utf-8\"><title>a <body> in title</title>\n<!-- <body> in a comment -->\n</head>\n<body class=\"x\">\n<p>" + kazakh + "</p>\n</body></html>\n"
	return []textCase{
		{"plain.txt", []byte(body), UTF8},
		{"crlf.txt", []byte(crlf), UTF8},
		{"bom.txt", append(append([]byte{}, bomUTF8...), body...), UTF8},
		{"utf16le.txt", utf16Bytes(body, false), UTF16LE},
		{"utf16be.md", utf16Bytes(body, true), UTF16BE},
		{"cp1251.txt", []byte("\xcf\xf0\xe8\xe2\xe5\xf2, \xec\xe8\xf0! \xdd\xf2\xee \xf2\xe5\xea\xf1\xf2.\n"), CP1251},
		{"kz1048.txt", []byte("\xd1\xbc\xeb\xe5\xec, \xbc\xeb\xe5\xec! \x8d\xe0\xe7\xe0\x9d \xf2\xb3\xeb\xb3 \xee\xf2\xe1\xe0\xf1\xfb\xec\xfb\xe7\xe4\xfb\x9d \xe6\xe0\xe9\xeb\xfb \xe8\x9d.\n"), KZ1048},
		{"notes.md", []byte("---\ntitle: Сәлем\n---\n# Тақырып\n\n" + body), UTF8},
		{"page.html", []byte(page), UTF8},
		{"fragment.htm", []byte("<p>" + kazakh + "</p>"), UTF8},
		{"subs.srt", []byte(srt), UTF8},
		{"subs-crlf.srt", []byte(strings.ReplaceAll(srt, "\n", "\r\n")), UTF8},
		{"subs.vtt", []byte(vtt), UTF8},
		{"bare.vtt", []byte("WEBVTT"), UTF8},
	}
}

func utf16Bytes(s string, be bool) []byte {
	out := []byte{0xFF, 0xFE}
	if be {
		out = []byte{0xFE, 0xFF}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if be {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func writeInput(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func process(t *testing.T, path string, spec labeler.Spec) labeler.Result {
	t.Helper()
	reg := labeler.NewRegistry(NewDocument(), New())
	return reg.Process(context.Background(), spec, labeler.Input{Path: path}, nil)
}

func TestLabelTextFormats(t *testing.T) {
	for _, tc := range textCases() {
		t.Run(tc.name, func(t *testing.T) {
			in := writeInput(t, tc.name, tc.data)
			spec := labeler.DefaultSpec()
			res := process(t, in, spec)
			if res.Status != labeler.StatusOK {
				t.Fatalf("status %s: %v", res.Status, res.Err)
			}
			out, _ := os.ReadFile(res.Output)
			d, err := Decode(out)
			if err != nil {
				t.Fatal(err)
			}
			checkOutput(t, tc, d, res)
		})
	}
}

func checkOutput(t *testing.T, tc textCase, d Decoded, res labeler.Result) {
	t.Helper()
	orig, _ := Decode(tc.data)
	if d.Enc != tc.enc && !(orig.Legacy() && d.Enc == UTF8) {
		t.Errorf("output encoding %s, want %s", d.Enc, tc.enc)
	}
	if !bytes.Equal(d.BOM, orig.BOM) {
		t.Errorf("BOM % x, want % x", d.BOM, orig.BOM)
	}
	for _, line := range labeler.DefaultSpec().Lines() {
		if !strings.Contains(d.Text, line) {
			t.Errorf("notice line %q missing:\n%s", line, d.Text)
		}
	}
	if orig.Legacy() && (len(res.Notes) == 0 || !strings.Contains(res.Notes[0], string(orig.Enc))) {
		t.Errorf("notes %q do not say the file was converted from %s", res.Notes, orig.Enc)
	}
	if ext := filepath.Ext(tc.name); ext == ".txt" || ext == ".md" {
		if !strings.HasSuffix(d.Text, orig.Text[len(frontMatter.FindString(orig.Text)):]) {
			t.Errorf("original does not follow the notice unchanged:\n%s", d.Text)
		}
	}
	if orig.NL == "\r\n" && strings.Count(d.Text, "\n") != strings.Count(d.Text, "\r\n") {
		t.Errorf("CRLF file got bare LF line endings: %q", d.Text)
	}
	if res.Check == nil || !res.Check.Labeled || res.Check.DigitalSourceType != labeler.DSTTrained || len(res.Check.Warnings) > 0 {
		t.Errorf("read back %+v", res.Check)
	}
}

func TestKZ1048DecodesKazakhLetters(t *testing.T) {
	d, err := Decode(textCases()[6].data)
	if err != nil || d.Enc != KZ1048 || !strings.Contains(d.Text, "Қазақ тілі") {
		t.Fatalf("got %s %q %v", d.Enc, d.Text, err)
	}
	// Ukrainian in 1251 uses the same bytes for є ї but has no «ы».
	d, _ = Decode([]byte("\xc2\xb3\xf2\xe0\xba\xec\xee, \xbf\xe6\xe0\n"))
	if d.Enc != CP1251 || d.Text != "Вітаємо, їжа\n" {
		t.Errorf("Ukrainian read as %s %q", d.Enc, d.Text)
	}
}

func TestBrokenTextInputs(t *testing.T) {
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"empty.txt", nil, "empty"},
		{"blank.md", []byte(" \n\n"), "empty"},
		{"binary.txt", []byte("\x00\x01\x02\x03garbage\xff\xfe"), "binary"},
		{"elf.txt", []byte("\x7fELF\x02\x01\x01\x00\x00\x00"), "binary"},
		{"odd16.txt", []byte{0xFF, 0xFE, 'a', 0, 'b'}, "truncated"},
		{"utf32.srt", []byte{0xFF, 0xFE, 0, 0, '1', 0, 0, 0, '\n', 0, 0, 0}, "UTF-32"},
		{"greek.txt", []byte("\xc7 \xea\xf5\xe2\xdd\xf1\xed\xe7\xf3\xe7 \xe5\xed\xdd\xea\xf1\xe9\xed\xe5 \xf3\xde\xec\xe5\xf1\xe1 \xf4\xef\xed \xed\xdd\xef \xed\xfc\xec\xef \xe3\xe9\xe1 \xf4\xe7\xed \xf4\xe5\xf7\xed\xe7\xf4\xde \xed\xef\xe7\xec\xef\xf3\xfd\xed\xe7.\n"), "unknown encoding"},
		{"nocues.srt", []byte("just some words\n"), "no subtitle cues"},
		{"noheader.vtt", []byte("00:01.000 --> 00:02.000\nhi\n"), "WEBVTT"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := writeInput(t, tc.name, tc.data)
			res := process(t, in, labeler.DefaultSpec())
			if res.Status != labeler.StatusError || res.Err == nil {
				t.Fatalf("status %s, want an error", res.Status)
			}
			msg := res.Err.Error()
			if !strings.Contains(msg, tc.name) || !strings.Contains(msg, tc.want) {
				t.Errorf("error %q should name the file and say %q", msg, tc.want)
			}
			if _, err := os.Stat(filepath.Join(filepath.Dir(in), labeler.DefaultOutDir, tc.name)); err == nil {
				t.Error("an output was written for a broken input")
			}
		})
	}
}

package text

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/belgi-kz/belgi/labeler"
)

// FuzzSubtitles: any input either is refused or comes out with exactly one
// more cue, the notice readable back, and (for SRT) the original's lines
// all still there in order.
func FuzzSubtitles(f *testing.F) {
	for _, tc := range textCases() {
		if strings.HasSuffix(tc.name, ".srt") || strings.HasSuffix(tc.name, ".vtt") {
			f.Add(string(tc.data), strings.HasSuffix(tc.name, ".vtt"))
		}
	}
	f.Add("1\n00:00:01,000 --> 00:00:02,000\n2\n00:00:03,000 --> 00:00:04,000\n", false)
	f.Add("00:00:01,000 --> 00:00:02,000\nno number\n\n\n\n00:00:03,000 --> 00:00:04,000\n", false)
	f.Add("WEBVTT\nREGION\nid:x\n\nNOTE a\n\nid\n00:01.000 --> 00:02.000 align:start\n<v Ана>Сәлем</v>", true)
	spec := labeler.DefaultSpec()
	f.Fuzz(func(t *testing.T, s string, vtt bool) {
		label, inspect := labelSRT, inspectSRT
		if vtt {
			label, inspect = labelVTT, inspectVTT
		}
		out, err := label(s, spec, "\n")
		if err != nil {
			return
		}
		if got, want := cueCount(parseSubtitles(out)), cueCount(parseSubtitles(s))+1; got != want && !vtt {
			t.Fatalf("%d cues after labeling, want %d:\n%q", got, want, out)
		}
		m, found, notice := inspect(out)
		if !found || !notice || m.DigitalSourceType != spec.DigitalSourceType() {
			t.Fatalf("read back %+v found=%v notice=%v:\n%q", m, found, notice, out)
		}
	})
}

// FuzzASS: any script is refused or comes back with exactly two lines
// more (the record and the notice event), its own lines in order, and
// reads back as labeled.
func FuzzASS(f *testing.F) {
	f.Add(assScriptText)
	f.Add(ssaScriptText)
	f.Add("[Script Info]\r\n[Events]\r\nDialogue: 0,0:00:00.00,0:00:01.00,Default,,0,0,0,,early\r\nFormat: Start, Text")
	spec := labeler.DefaultSpec()
	f.Fuzz(func(t *testing.T, s string) {
		out, err := labelASS(s, spec, "\n")
		if err != nil {
			return
		}
		a, _ := parseASS(s)
		kept := strings.Replace(out, assRecordKey+Record(spec, layers)+"\n", "", 1)
		kept = strings.Replace(kept, a.dialogue(spec)+"\n", "", 1)
		if strings.ReplaceAll(kept, "\n", "") != strings.ReplaceAll(s, "\n", "") {
			t.Fatalf("the script's own lines changed:\n%q\n%q", s, out)
		}
		m, found, notice := inspectASS(out)
		if !found || !notice || m.DigitalSourceType != spec.DigitalSourceType() {
			t.Fatalf("read back %+v found=%v notice=%v:\n%q", m, found, notice, out)
		}
	})
}

// FuzzHTMLInsert: the labeled document is the original with two
// insertions, the original's bytes in order, and reads back as labeled.
func FuzzHTMLInsert(f *testing.F) {
	for _, tc := range textCases() {
		if strings.HasPrefix(tc.name, "page") || strings.HasPrefix(tc.name, "fragment") {
			f.Add(string(tc.data))
		}
	}
	for _, s := range []string{"", "<html><body>", "<BODY onload='a>b'>x", "<head></head>tail", "<script>'<body>'</script><body>", "<!--", "<body", "<!DOCTYPE html><title>x</title>"} {
		f.Add(s)
	}
	spec := labeler.DefaultSpec()
	f.Fuzz(func(t *testing.T, s string) {
		out := labelHTML(s, spec, "\n")
		if !isSubsequence(s, out) || len(out) <= len(s) {
			t.Fatalf("original not kept in order:\n%q\n%q", s, out)
		}
		p := findPlaces(s)
		if p.meta > p.notice || p.notice > len(s) {
			t.Fatalf("places %+v out of order for %q", p, s)
		}
		if _, found, notice := inspectHTML(out); !found || !notice {
			t.Fatalf("not read back from %q", out)
		}
		end := 0
		scanHTML(s, func(tk htmlToken) bool {
			if tk.start != end || s[tk.start:tk.end] == "" {
				t.Fatalf("token %+v does not follow the previous one (ended at %d) in %q", tk, end, s)
			}
			end = tk.end
			return true
		})
	})
}

// isSubsequence reports whether a's bytes appear in b in order.
func isSubsequence(a, b string) bool {
	i := 0
	for j := 0; i < len(a) && j < len(b); j++ {
		if a[i] == b[j] {
			i++
		}
	}
	return i == len(a)
}

// FuzzDecode: any bytes either are refused or decode to UTF-8 that
// writes back, in the page Decode names, to exactly those bytes: a
// conversion never loses or invents a byte.
func FuzzDecode(f *testing.F) {
	for _, s := range legacySamples {
		if data, err := s.cm.NewEncoder().Bytes([]byte(s.text)); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("caf\xe9 cr\xe8me"))
	f.Add([]byte("\xd1\xbc\xeb\xe5\xec, \xbc\xeb\xe5\xec! \x8d\xe0\xe7\xe0\x9d \xf2\xb3\xeb\xb3 \xfb\xe8"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Decode(data)
		if err != nil || !d.Legacy() {
			return
		}
		if !utf8.ValidString(d.Text) {
			t.Fatalf("%s reading is not UTF-8", d.Enc)
		}
		if back := encodeIn(t, d.Enc, d.Text); !bytes.Equal(back, data) {
			t.Fatalf("%s: % x decodes to %q, which writes back as % x", d.Enc, data, d.Text, back)
		}
	})
}

// encodeIn writes s in a legacy page Decode names.
func encodeIn(t *testing.T, enc Encoding, s string) []byte {
	if enc == KZ1048 {
		return encodeKZ1048(t, s)
	}
	for _, p := range legacyPages {
		if p.enc == enc {
			return encodeRunes(t, s, p.cm.EncodeRune)
		}
	}
	t.Fatalf("no page named %s", enc)
	return nil
}

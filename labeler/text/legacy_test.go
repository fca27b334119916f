package text

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/belgi-kz/belgi/labeler"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
)

// legacySamples are short passages as newsrooms' old files hold them, one
// per language and code page Belgi must tell apart; each is a subtitle's
// length or a little more, since that is where guessing is hardest.
var legacySamples = []struct {
	lang string
	enc  Encoding
	cm   *charmap.Charmap
	text string
}{
	{"Russian", CP1251, charmap.Windows1251, "Правительство утвердило новые правила.\nЭксперты считают, что это поможет бизнесу.\n"},
	{"Russian", KOI8R, charmap.KOI8R, "Правительство утвердило новые правила.\nЭксперты считают, что это поможет бизнесу.\n"},
	{"Russian", CP866, charmap.CodePage866, "Правительство утвердило новые правила.\nЭксперты считают, что это поможет бизнесу.\n"},
	{"Russian, one line", KOI8R, charmap.KOI8R, "Доброе утро, Алматы!"},
	{"Russian, capitals", CP1251, charmap.Windows1251, "ВНИМАНИЕ! ПРАВИТЕЛЬСТВО УТВЕРДИЛО НОВЫЕ ПРАВИЛА ДЛЯ СРЕДСТВ МАССОВОЙ ИНФОРМАЦИИ И ЖУРНАЛИСТОВ.\n"},
	{"Russian quoting a Ukrainian name", CP1251, charmap.Windows1251, "Выставку открыл художник Олексій Їжакевич из Киева. Мы были рады видеть его работы.\n"},
	{"Ukrainian", CP1251, charmap.Windows1251, "Уряд ухвалив нові правила. Експерти вважають, що це допоможе її бізнесу.\n"},
	{"Belarusian", CP1251, charmap.Windows1251, "Урад зацвердзіў новыя правілы. Эксперты лічаць, што гэта дапаможа бізнесу.\n"},
	{"Turkish", CP1254, charmap.Windows1254, "Benim adım Abaddon.\nBana yine yalan söyledin. Başka seçeneğim yoktu.\n"},
	{"German", CP1252, charmap.Windows1252, "Die Bürger müssen über die Änderungen informiert werden, heißt es.\n"},
	{"French", CP1252, charmap.Windows1252, "L’été dernier, le ministère a publié un rapport détaillé.\n"},
	{"Spanish", CP1252, charmap.Windows1252, "¿Dónde está la señora? El niño habló con ella mañana.\n"},
	{"Polish", CP1250, charmap.Windows1250, "Rząd przyjął nową ustawę. Może to zmienić sytuację wielu firm.\n"},
	{"Hungarian", CP1250, charmap.Windows1250, "A kormány ülésén döntöttek az új törvényről, amely jövőre lép hatályba.\n"},
	{"Czech", ISO88592, charmap.ISO8859_2, "Vláda schválila nový zákon. Příliš žluťoučký kůň úpěl ďábelské ódy.\n"},
	{"Turkish without ş or ğ", CP1254, charmap.Windows1254, "Bu yıl çok güzel bir gün oldu, dün de öyle.\n"},
	{"English prices", CP1252, charmap.Windows1252, "Tickets cost £5, or €6 at the door.\n"},
	{"English", CP1252, charmap.Windows1252, "It’s the “first” report — and it’s final…\n"},
}

func TestLegacyCodePagesToldApart(t *testing.T) {
	for _, s := range legacySamples {
		data, err := s.cm.NewEncoder().Bytes([]byte(s.text))
		if err != nil {
			t.Fatalf("%s: encode: %v", s.lang, err)
		}
		d, err := Decode(data)
		if err != nil {
			t.Errorf("%s in %s: %v", s.lang, s.enc, err)
			continue
		}
		if d.Text != s.text {
			t.Errorf("%s in %s read as %s: %q", s.lang, s.enc, d.Enc, d.Text)
		}
		// English with typographic quotes decodes the same in 1251 and
		// 1252; only the text matters there.
		if d.Enc != s.enc && s.lang != "English" {
			t.Errorf("%s in %s: encoding reported as %s", s.lang, s.enc, d.Enc)
		}
	}
}

// TestLegacyUndefinedByteKept: a byte the page leaves undefined (0x98 in
// 1251, as a damaged or oddly converted file has) neither changes the
// page nor is lost: it becomes the invisible C1 control of its number.
func TestLegacyUndefinedByteKept(t *testing.T) {
	for _, c := range []struct {
		data []byte
		enc  Encoding
	}{
		{[]byte("\xcf\xf0\xe8\xe2\xe5\xf2,\x98 \xec\xe8\xf0! \xdd\xf2\xee \xf2\xe5\xea\xf1\xf2.\n"), CP1251},
		{append(encodeKZ1048(t, "Қайырлы таң, достар!"), 0x98, '\n'), KZ1048},
	} {
		d, err := Decode(c.data)
		if err != nil || d.Enc != c.enc || !strings.ContainsRune(d.Text, 0x98) {
			t.Errorf("% x read as %s %q (%v)", c.data, d.Enc, d.Text, err)
		}
	}
}

// TestLegacyOtherScriptsRefused: Hebrew bytes read as Cyrillic give
// words of the right shape but the wrong letters; Belgi refuses them
// rather than publish them converted.
func TestLegacyOtherScriptsRefused(t *testing.T) {
	hebrew := "הממשלה אישרה היום את החוק החדש על בינה מלאכותית. החוק ייכנס לתוקף בחודש ינואר, ולפי המומחים הוא יעזור לעיתונאים ולציבור להבין אילו תמונות וסרטונים נוצרו על ידי מחשב.\n"
	data, err := charmap.Windows1255.NewEncoder().Bytes([]byte(hebrew))
	if err != nil {
		t.Fatal(err)
	}
	if d, err := Decode(data); err == nil {
		t.Errorf("Hebrew in Windows-1255 read as %s: %q", d.Enc, d.Text[:60])
	}
}

// TestLegacyGibberishRefused: bytes no code page reads as words are
// refused, not converted into a labeled file nobody can read.
func TestLegacyGibberishRefused(t *testing.T) {
	var b strings.Builder
	for i := range 400 {
		b.WriteByte(byte(0x80 + i*37%128))
		if i%7 == 6 {
			b.WriteByte(' ')
		}
	}
	if d, err := Decode([]byte(b.String())); err == nil || !strings.Contains(err.Error(), "unknown encoding") {
		t.Errorf("random high bytes decoded as %s (%v)", d.Enc, err)
	}
}

// TestHTMLDeclaredCharsetHonoured: a page that names its code page is
// read in it, written in UTF-8, and says so; a page in plain ASCII (or
// in UTF-8) that declares a legacy page gets its declaration fixed too,
// or browsers would show the notice's Cyrillic letters as 1251 gibberish.
func TestHTMLDeclaredCharsetHonoured(t *testing.T) {
	cases := []struct {
		name, head, body string
		cm               encoding.Encoding
		note             string
	}{
		{"western.html", `<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">`, "Café crème, déjà vu", charmap.Windows1252, "Windows-1252"},
		{"koi8.html", `<meta charset="koi8-r">`, "Доброе утро", charmap.KOI8R, "KOI8-R"},
		{"ascii.html", `<meta charset='windows-1251'>`, "Only ASCII here", charmap.Windows1251, "charset declaration"},
		{"stale.html", `<meta charset="windows-1251">`, "Сайт отдавал её в UTF-8", nil, "charset declaration"},
		{"xhtml.html", "", "ニュースの記録", japanese.ShiftJIS, "Shift_jis"},
	}
	for _, c := range cases {
		page := "<!DOCTYPE html>\n<html><head>" + c.head + "<title>t</title></head>\n<body><p>" + c.body + "</p></body></html>\n"
		// An XHTML page naming its encoding only in its XML declaration:
		// Shift_JIS is no page Belgi would guess.
		if c.head == "" {
			page = `<?xml version="1.0" encoding="Shift_JIS"?>` + "\n" + page
		}
		data := []byte(page) // nil cm: the page is in UTF-8, whatever it says
		if c.cm != nil {
			var err error
			if data, err = c.cm.NewEncoder().Bytes(data); err != nil {
				t.Fatal(err)
			}
		}
		res := process(t, writeInput(t, c.name, data), labeler.DefaultSpec())
		if res.Status != labeler.StatusOK {
			t.Fatalf("%s: %s: %v", c.name, res.Status, res.Err)
		}
		out, _ := os.ReadFile(res.Output)
		s := string(out)
		switch {
		case !utf8.Valid(out):
			t.Errorf("%s: output is not UTF-8", c.name)
		case !strings.Contains(s, c.body):
			t.Errorf("%s: body text lost:\n%s", c.name, s)
		case c.head != "" && metaCharsetRE.FindStringSubmatch(s)[1] != "utf-8",
			c.head == "" && xmlDeclRE.FindStringSubmatch(s)[2] != "utf-8":
			t.Errorf("%s: declaration not fixed:\n%s", c.name, s)
		case !strings.Contains(strings.Join(res.Notes, "\n"), c.note):
			t.Errorf("%s: notes %q do not name %s", c.name, res.Notes, c.note)
		}
	}
}

// TestLegacyShortLines: one subtitle line is little to judge a page by;
// these are read right in each Cyrillic page a newsroom's old files use.
func TestLegacyShortLines(t *testing.T) {
	russian := []string{"Да", "Нет, спасибо.", "Что случилось?", "Хорошо", "ВНИМАНИЕ", "Он ушёл домой.",
		"Где ты был вчера вечером?", "Погода сегодня хорошая", "Ждите ответа.", "Объявление",
		"Съешь же ещё этих мягких французских булок", "ПРЕЗИДЕНТ ПОДПИСАЛ ЗАКОН", "Алматы - крупнейший город."}
	for _, p := range []struct {
		enc Encoding
		cm  *charmap.Charmap
	}{{CP1251, charmap.Windows1251}, {KOI8R, charmap.KOI8R}, {CP866, charmap.CodePage866}} {
		for _, line := range russian {
			data, err := p.cm.NewEncoder().Bytes([]byte(line + "\n"))
			if err != nil {
				t.Fatal(err)
			}
			if d, err := Decode(data); err != nil || d.Text != line+"\n" {
				t.Errorf("%q in %s read as %s %q (%v)", line, p.enc, d.Enc, d.Text, err)
			}
		}
	}
	for _, line := range []string{"Қайырлы таң!", "Бүгін ауа райы жақсы", "Қазақстан Республикасы", "Жаңалықтар",
		"Менің атым Айгүл", "Үкімет отырысы өтті", "Ұлттық банк бағамды белгіледі"} {
		if d, err := Decode(encodeKZ1048(t, line+"\n")); err != nil || d.Enc != KZ1048 || d.Text != line+"\n" {
			t.Errorf("%q in KZ-1048 read as %s %q (%v)", line, d.Enc, d.Text, err)
		}
	}
}

// encodeKZ1048 writes s in KZ-1048, which x/text lacks.
func encodeKZ1048(t *testing.T, s string) []byte {
	kazakh := map[rune]byte{}
	for b, r := range kz1048Diff {
		kazakh[r] = b
	}
	return encodeRunes(t, s, func(r rune) (byte, bool) {
		if b, ok := kazakh[r]; ok {
			return b, true
		}
		return charmap.Windows1251.EncodeRune(r)
	})
}

// encodeRunes writes s a byte per rune with page, keeping C1 controls as
// their own bytes (which is how decodePage reads a page's undefined ones).
func encodeRunes(t *testing.T, s string, page func(rune) (byte, bool)) []byte {
	var out []byte
	for _, r := range s {
		b, ok := page(r)
		if !ok && r >= 0x80 && r <= 0x9F {
			b, ok = byte(r), true
		}
		if !ok {
			t.Fatalf("%q has no byte in the page", r)
		}
		out = append(out, b)
	}
	return out
}
